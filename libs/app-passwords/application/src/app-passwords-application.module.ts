import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { IdentityApplicationModule } from '@keyward/identity/application';
import { Credentials } from './credentials/credentials.repository';
import { EndMailSessionsOnRevocation } from './end-mail-sessions/end-mail-sessions.reactor';
import { GenerateAppPasswordHandler } from './generate-app-password/generate-app-password.command';
import { RenameAppPasswordHandler } from './rename-app-password/rename-app-password.command';
import { RevokeAppPasswordHandler } from './revoke-app-password/revoke-app-password.command';
import { RevokeAppPasswords } from './revoke-app-passwords/revoke-app-passwords.use-case';
import { RevokeIdleAppPasswords } from './revoke-idle/revoke-idle-app-passwords.sweep';
import { RevokeAppPasswordsOnUserChange } from './revoke-on-user-change/revoke-on-user-change.reactor';
import { RevokeUserAppPasswordsHandler } from './revoke-user-app-passwords/revoke-user-app-passwords.command';
import { VerifyAppPassword } from './verify-app-password/verify-app-password.use-case';
import { IdentifyMailClient } from './identify-mail-client/identify-mail-client.use-case';

@Module({
  imports: [CqrsModule, IdentityApplicationModule],
  providers: [
    Credentials,
    RevokeAppPasswords,
    GenerateAppPasswordHandler,
    RevokeAppPasswordHandler,
    RenameAppPasswordHandler,
    RevokeUserAppPasswordsHandler,
    VerifyAppPassword,
    IdentifyMailClient,
    EndMailSessionsOnRevocation,
    RevokeAppPasswordsOnUserChange,
    RevokeIdleAppPasswords,
  ],
  exports: [VerifyAppPassword, IdentifyMailClient, RevokeAppPasswords, Credentials],
})
export class AppPasswordsApplicationModule {}
