import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import contentDisposition from 'content-disposition';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, type Principal } from '#identity';
import { Authenticated } from '#platform';
import { DocumentsService } from './documents.service.js';
import {
  ApplicationDocumentsDto,
  DocumentRequirementDto,
  DocumentVersionDto,
  PutDocumentRequirementsDto,
  UploadDocumentQueryDto,
  UploadedDocumentDto,
} from './dto/documents.dto.js';

const uuid = new ParseUUIDPipe();

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('calls/:id/document-requirements')
  @Authenticated()
  @ApiOperation({ operationId: 'listDocumentRequirements', summary: 'The documents a call asks for, in order.' })
  @ApiOkResponse({ type: [DocumentRequirementDto] })
  @ApiNotFoundResponse({ description: 'NOT_FOUND, also for calls you may not see' })
  requirements(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<DocumentRequirementDto[]> {
    return this.documents.requirements(user, id);
  }

  @Put('calls/:id/document-requirements')
  @Authenticated('program_officer')
  @ApiOperation({
    operationId: 'putDocumentRequirements',
    summary:
      "Set the documents a call asks for (the lead agency's officers). Listed ids are kept and updated; one left out is retired and its uploads kept.",
  })
  @ApiOkResponse({ type: [DocumentRequirementDto] })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: not a call your agency leads' })
  putRequirements(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() body: PutDocumentRequirementsDto,
  ): Promise<DocumentRequirementDto[]> {
    return this.documents.putRequirements(user, id, body);
  }

  @Get('applications/:id/documents')
  @Authenticated()
  @ApiOperation({
    operationId: 'listApplicationDocuments',
    summary: 'For the team: each document the call asks for, with the version the draft holds and its warnings.',
  })
  @ApiOkResponse({ type: ApplicationDocumentsDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND, also for applications whose team you are not on' })
  list(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<ApplicationDocumentsDto> {
    return this.documents.list(user, id);
  }

  @Post('applications/:id/documents/:requirementId')
  @Authenticated()
  @ApiOperation({
    operationId: 'uploadApplicationDocument',
    summary:
      'Upload a document of a draft (PI and co-PIs): a new version, checked by its content. Over the page limit it is kept with a warning and refused at submit.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: UploadedDocumentDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such application or requirement, or not yours' })
  @ApiPayloadTooLargeResponse({ description: 'FILE_TOO_LARGE: over the requirement’s maxBytes (nothing is kept)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'FILE_TYPE_NOT_ACCEPTED (judged by content, not name), NOT_MULTIPART' })
  @ApiUnprocessableEntityResponse({ description: 'PDF_ENCRYPTED, PDF_CORRUPT, PDF_TRUNCATED, PDF_TOO_COMPLEX, NOT_EDITABLE' })
  upload(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('requirementId', uuid) requirementId: string,
    @Query() query: UploadDocumentQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<UploadedDocumentDto> {
    return this.documents.upload(user, id, requirementId, query.agencyId ?? null, request);
  }

  @Delete('applications/:id/documents/:documentId')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ operationId: 'removeApplicationDocument', summary: 'The draft no longer holds the document (its versions are kept).' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'NOT_EDITABLE: submitted; reopen it first' })
  remove(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Param('documentId', uuid) documentId: string): Promise<void> {
    return this.documents.remove(user, id, documentId);
  }

  @Get('applications/:id/documents/:documentId/versions')
  @Authenticated()
  @ApiOperation({ operationId: 'listDocumentVersions', summary: 'For the team: every version of a document, oldest first.' })
  @ApiOkResponse({ type: [DocumentVersionDto] })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  versions(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('documentId', uuid) documentId: string,
  ): Promise<DocumentVersionDto[]> {
    return this.documents.versions(user, id, documentId);
  }

  @Get('document-versions/:id')
  @Authenticated()
  @ApiOperation({ operationId: 'getDocumentVersion', summary: 'A document version: name, size, pages, SHA-256, scan status.' })
  @ApiOkResponse({ type: DocumentVersionDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND, also for versions you may not read' })
  version(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<DocumentVersionDto> {
    return this.documents.version(user, id);
  }

  @Get('document-versions/:id/content')
  @Authenticated()
  @ApiOperation({
    operationId: 'downloadDocumentVersion',
    summary:
      'The file, streamed, under its own name (RFC 6266 filename*, so Japanese names arrive intact). The team reads every version; offices, officers and reviewers those of the latest submission.',
  })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'The bytes' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND, also for versions you may not read' })
  @ApiUnprocessableEntityResponse({ description: 'DOCUMENT_INFECTED' })
  async download(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<StreamableFile> {
    const file = await this.documents.download(user, id);
    return new StreamableFile(file.stream, { type: file.mediaType, length: file.size, disposition: contentDisposition(file.fileName) });
  }
}
