import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { IdentityApplicationModule } from '@keyward/identity/application';
import { Credentials } from './credentials/credentials';
import { EndMailSessionsOnRevocation } from './end-mail-sessions/end-mail-sessions';
import { GenerateAppPasswordHandler } from './generate-app-password/generate-app-password.command';
import { RenameAppPasswordHandler } from './rename-app-password/rename-app-password.command';
import { RevokeAppPasswordHandler } from './revoke-app-password/revoke-app-password.command';
import { RevokeIdleAppPasswords } from './revoke-idle/revoke-idle-app-passwords';
import { RevokeAppPasswordsOnUserChange } from './revoke-on-user-change/revoke-on-user-change';
import { RevokeUserAppPasswordsHandler } from './revoke-user-app-passwords/revoke-user-app-passwords.command';
import { VerifyAppPassword } from './verify-app-password/verify-app-password';

@Module({
  imports: [CqrsModule, IdentityApplicationModule],
  providers: [
    Credentials,
    GenerateAppPasswordHandler,
    RevokeAppPasswordHandler,
    RenameAppPasswordHandler,
    RevokeUserAppPasswordsHandler,
    VerifyAppPassword,
    EndMailSessionsOnRevocation,
    RevokeAppPasswordsOnUserChange,
    RevokeIdleAppPasswords,
  ],
  exports: [VerifyAppPassword],
})
export class AppPasswordsApplicationModule {}
