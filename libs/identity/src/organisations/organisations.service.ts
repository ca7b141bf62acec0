import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog, decodeCursor, DEFAULT_PAGE_SIZE, NotFoundError, type Page, toPage, VersionMismatchError } from '#platform';
import { AccessService } from '../access/access.service.js';
import { IdentityPermission } from '../access/permissions.js';
import type { Principal } from '../access/principal.js';
import {
  type CreateOrganisationDto,
  type ListOrganisationsQueryDto,
  type OrganisationDto,
  toOrganisationDto,
  type UpdateOrganisationDto,
} from './dto/organisation.dto.js';
import { OrganisationsRepository } from './organisations.repository.js';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organisations: OrganisationsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditLog,
  ) {}

  async list(query: ListOrganisationsQueryDto): Promise<Page<OrganisationDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.organisations.list({
      ...(query.q ? { q: query.q } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.country ? { country: query.country } : {}),
      ...(query.cursor ? { after: decodeCursor(query.cursor, 2) } : {}),
      limit,
    });
    return toPage(rows, limit, (o) => [o.nameEn, o.id], toOrganisationDto);
  }

  async get(principal: Principal, id: string): Promise<OrganisationDto> {
    await this.access.require(principal, IdentityPermission.readOrganisation, id, 'organisation');
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw new NotFoundError('organisation');
    return toOrganisationDto(organisation);
  }

  async create(principal: Principal, dto: CreateOrganisationDto, requestId: string): Promise<OrganisationDto> {
    return this.db.transaction(async (manager) => {
      const created = await this.organisations.insert(manager, {
        kind: dto.kind,
        shortName: dto.shortName,
        nameJa: dto.nameJa,
        nameEn: dto.nameEn,
        country: dto.country,
        timeZone: dto.timeZone,
        rorId: dto.rorId ?? null,
        funderId: dto.funderId ?? null,
      });
      await this.audit.record(manager, {
        actorId: principal.id,
        action: 'organisation.created',
        objectType: 'organisation',
        objectId: created.id,
        requestId,
        data: { ...dto },
      });
      return toOrganisationDto(created);
    });
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateOrganisationDto,
    expectedVersion: number | undefined,
    requestId: string,
  ): Promise<OrganisationDto> {
    await this.access.require(principal, IdentityPermission.manageOrganisation, id, 'organisation');
    return this.db.transaction(async (manager) => {
      const updated = await this.organisations.update(manager, id, dto, expectedVersion);
      if (!updated) {
        const current = await this.organisations.findById(id, manager);
        if (current) throw new VersionMismatchError(current.version);
        throw new NotFoundError('organisation');
      }
      await this.audit.record(manager, {
        actorId: principal.id,
        action: 'organisation.updated',
        objectType: 'organisation',
        objectId: id,
        requestId,
        data: { ...dto },
      });
      return toOrganisationDto(updated);
    });
  }
}
