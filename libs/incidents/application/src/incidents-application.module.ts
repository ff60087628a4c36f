import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppPasswordsApplicationModule } from '@keyward/app-passwords/application';
import { RevocationCaseRunner } from './revocation-cases/revocation-case.runner';
import { RevocationCases } from './revocation-cases/revocation-cases.use-case';

@Module({
  imports: [CqrsModule, AppPasswordsApplicationModule],
  providers: [RevocationCases, RevocationCaseRunner],
  exports: [RevocationCases],
})
export class IncidentsApplicationModule {}
