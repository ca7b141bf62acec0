import { Module, type OnModuleInit } from '@nestjs/common';
import { ApplicationsModule, SubmissionParts } from '#applications';
import { CallsModule } from '#calls';
import { DocumentsModule } from '#documents';
import { IdentityModule } from '#identity';
import { FormsController } from './forms/forms.controller.js';
import { FormsRepository } from './forms/forms.repository.js';
import { FormsService } from './forms/forms.service.js';

/** Call forms: the questions of each call, versioned, and the answers of each proposal, checked and frozen at submit. */
@Module({
  imports: [IdentityModule, CallsModule, ApplicationsModule, DocumentsModule],
  controllers: [FormsController],
  providers: [FormsRepository, FormsService],
})
export class FormsModule implements OnModuleInit {
  constructor(
    private readonly parts: SubmissionParts,
    private readonly forms: FormsService,
  ) {}

  onModuleInit(): void {
    this.parts.register(this.forms);
  }
}
