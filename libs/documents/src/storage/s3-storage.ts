import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  S3Client,
  S3ServiceException,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { S3StorageSettings } from '#platform';
import { assertStorageKey, StoredFileMissingError } from './storage-key.js';

/** Parts of a multipart upload: S3's minimum size, two in flight, so an upload holds about 10 MiB at most. */
const PART_SIZE = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

/**
 * Stored files as objects of one S3 (or S3-compatible) bucket, which several api instances share.
 * An object appears under its key only once completely uploaded (PutObject, or the completion of a
 * multipart upload), so a reader never sees a partial file.
 */
export class S3DocumentStorage {
  readonly driver = 's3' as const;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(private readonly settings: S3StorageSettings) {
    this.bucket = settings.bucket;
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials:
        settings.accessKeyId !== undefined && settings.secretAccessKey !== undefined
          ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
          : undefined,
      // Newer SDKs add CRC checksums to every request and check them on responses; many S3-compatible
      // servers refuse or lack them. Checksums only where the S3 API requires one.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async ready(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (error) {
      if (!isStatus(error, 404))
        throw new Error(`The document bucket "${this.bucket}" cannot be reached: ${explain(error)}`, { cause: error });
      if (!this.settings.createBucket) {
        throw new Error(`The document bucket "${this.bucket}" does not exist (create it, or set S3_CREATE_BUCKET=true)`, { cause: error });
      }
    }
    try {
      await this.client.send(
        new CreateBucketCommand({
          Bucket: this.bucket,
          // us-east-1 is the one region that takes no location constraint.
          CreateBucketConfiguration:
            this.settings.region === 'us-east-1' ? undefined : { LocationConstraint: this.settings.region as BucketLocationConstraint },
        }),
      );
    } catch (error) {
      // Another instance starting at the same moment may have created it first.
      if (!(error instanceof S3ServiceException && error.name === 'BucketAlreadyOwnedByYou')) throw error;
    }
  }

  async put(key: string, path: string, meta: { readonly mediaType: string; readonly sha256: string }): Promise<void> {
    try {
      assertStorageKey(key);
      const upload = new Upload({
        client: this.client,
        partSize: PART_SIZE,
        queueSize: PARTS_IN_FLIGHT,
        leavePartsOnError: false,
        params: {
          Bucket: this.bucket,
          Key: key,
          Body: createReadStream(path),
          ContentType: meta.mediaType,
          Metadata: { sha256: meta.sha256 },
        },
      });
      await upload.done();
    } finally {
      await rm(path, { force: true });
    }
  }

  async open(key: string): Promise<Readable> {
    assertStorageKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(object.Body instanceof Readable)) throw new Error(`The stored file "${key}" came without a readable body`);
      return object.Body;
    } catch (error) {
      if (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound'))
        throw new StoredFileMissingError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      // S3 itself answers 204 for a missing key; some compatible servers answer 404.
      if (!(error instanceof S3ServiceException && error.name === 'NoSuchKey')) throw error;
    }
  }
}

function isStatus(error: unknown, status: number): boolean {
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === status;
}

function explain(error: unknown): string {
  if (error instanceof S3ServiceException) return `${error.name} (HTTP ${error.$metadata.httpStatusCode ?? '?'})`;
  return error instanceof Error ? error.message : String(error);
}
