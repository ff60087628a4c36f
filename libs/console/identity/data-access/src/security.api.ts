import { inject, Injectable } from '@angular/core';
import { graphql, GraphQLClient, type Gql } from '@keyward/console/shared/data-access';

graphql(`
  fragment SecondFactorsFields on SecondFactors { totp recoveryCodesLeft passkeys { id name } mfaSources status deadline }
`);

/** The signed-in user's second factors, as the security page shows them. */
export type SecondFactorsFields = Gql.SecondFactorsFieldsFragment;
/** An authenticator app enrolment begun: its secret, QR code and recovery codes, shown once. */
export type TotpEnrollment = Gql.BeginTotpEnrollmentMutation['beginTotpEnrollment'];

const MY_SECOND_FACTORS = graphql(`
  query MySecondFactors { me { id secondFactors { ...SecondFactorsFields } } }
`);
const SECOND_FACTORS_OF_USER = graphql(`
  query SecondFactorsOfUser($id: ID!) { user(id: $id) { id secondFactors { ...SecondFactorsFields } } }
`);
const MY_NOTICE_PREFERENCES = graphql(`
  query MyNoticePreferences { me { id expiryReminders } }
`);
const CHANGE_NOTICE_PREFERENCES = graphql(`
  mutation ChangeNoticePreferences($expiryReminders: Boolean!) { changeNoticePreferences(expiryReminders: $expiryReminders) { id expiryReminders } }
`);
const BEGIN_TOTP = graphql(`
  mutation BeginTotpEnrollment { beginTotpEnrollment { secret otpauthUri qrCodeSvg recoveryCodes } }
`);
const CONFIRM_TOTP = graphql(`
  mutation ConfirmTotpEnrollment($code: String!) { confirmTotpEnrollment(code: $code) { id mfaRegistered } }
`);
const BEGIN_PASSKEY = graphql(`
  mutation BeginPasskeyRegistration { beginPasskeyRegistration }
`);
const FINISH_PASSKEY = graphql(`
  mutation FinishPasskeyRegistration($response: JSON!, $name: String) { finishPasskeyRegistration(response: $response, name: $name) { id mfaRegistered } }
`);
const RESET_FACTORS = graphql(`
  mutation ResetSecondFactors($input: ResetSecondFactorsInput!) { resetSecondFactors(input: $input) { id mfaRegistered } }
`);

/** The second-factor operations of the API (the user's own enrolment, and an admin's reset), and the user's choice of mail. */
@Injectable({ providedIn: 'root' })
export class SecurityApi {
  private readonly graphql = inject(GraphQLClient);

  async mine(): Promise<SecondFactorsFields> {
    return (await this.graphql.request(MY_SECOND_FACTORS)).me.secondFactors;
  }

  /** Another user's second factors (whoever reads users); null for a user out of reach. */
  async ofUser(id: string): Promise<SecondFactorsFields | null> {
    return (await this.graphql.request(SECOND_FACTORS_OF_USER, { id })).user?.secondFactors ?? null;
  }

  /** Whether the signed-in user is mailed 7 days and 1 day before an app password of theirs expires. */
  async expiryReminders(): Promise<boolean> {
    return (await this.graphql.request(MY_NOTICE_PREFERENCES)).me.expiryReminders ?? true;
  }

  /** Turns the signed-in user's expiry reminders on or off; what they are now. Revocation notices always come. */
  async changeExpiryReminders(expiryReminders: boolean): Promise<boolean> {
    return (await this.graphql.request(CHANGE_NOTICE_PREFERENCES, { expiryReminders })).changeNoticePreferences.expiryReminders ?? expiryReminders;
  }

  async beginTotp(): Promise<TotpEnrollment> {
    return (await this.graphql.request(BEGIN_TOTP)).beginTotpEnrollment;
  }

  async confirmTotp(code: string): Promise<void> {
    await this.graphql.request(CONFIRM_TOTP, { code });
  }

  async beginPasskey(): Promise<unknown> {
    return (await this.graphql.request(BEGIN_PASSKEY)).beginPasskeyRegistration;
  }

  async finishPasskey(response: unknown, name: string): Promise<void> {
    await this.graphql.request(FINISH_PASSKEY, { response, name });
  }

  async reset(userId: string, reason: string): Promise<void> {
    await this.graphql.request(RESET_FACTORS, { input: { userId, reason } });
  }
}
