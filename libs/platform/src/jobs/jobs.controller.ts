import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { NotFoundError } from '../errors/domain-error.js';
import { Authenticated } from '../http/route-access.js';
import { decodeCursor, DEFAULT_PAGE_SIZE, type Page, PageQueryDto, toPage } from '../pagination/page.js';
import { type FailedJob, JobQueue } from './job-queue.js';

export class ListFailedJobsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only this queue, for example notifications.email.' })
  @IsOptional()
  @IsString()
  @Matches(/^[\w.-]{1,100}$/)
  queue?: string;
}

export class FailedJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'notifications.email' }) queue: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the job was to do: its payload, as the queue holds it.' })
  data: unknown;
  @ApiProperty({ type: String, nullable: true, description: 'The last error.' }) error: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) failedAt: string;
}

export class FailedJobPageDto {
  @ApiProperty({ type: [FailedJobDto] }) items: FailedJobDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

/** Background jobs that failed after every retry, for admins to see and send again. */
@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobQueue) {}

  @Get('failed')
  @Authenticated('admin')
  @ApiOperation({ operationId: 'listFailedJobs', summary: 'Jobs (e-mails, reminders) that failed after all their retries, newest first.' })
  @ApiOkResponse({ type: FailedJobPageDto })
  async listFailedJobs(@Query() query: ListFailedJobsQueryDto): Promise<Page<FailedJobDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
    const rows = await this.jobs.failed({
      limit: limit + 1,
      ...(query.queue ? { queue: query.queue } : {}),
      ...(after ? { after: { failedAt: String(after[0]), id: String(after[1]) } } : {}),
    });
    return toPage(rows, limit, (job) => [job.failedAt.toISOString(), job.id], toDto);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @Authenticated('admin')
  @ApiOperation({ operationId: 'retryJob', summary: 'Sends a failed job again, with a fresh set of retries.' })
  @ApiOkResponse({ description: 'Queued again.' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no failed job with this id' })
  async retryJob(@Param('id', ParseUUIDPipe) id: string): Promise<{ id: string; status: 'queued' }> {
    if (!(await this.jobs.retry(id))) throw new NotFoundError('failed job');
    return { id, status: 'queued' };
  }
}

function toDto(job: FailedJob): FailedJobDto {
  return { ...job, createdAt: job.createdAt.toISOString(), failedAt: job.failedAt.toISOString() };
}
