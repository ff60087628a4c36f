import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@keyward/shared/server';

@ObjectType('TotpEnrollment', { description: 'An authenticator app enrolment begun: shown once. Confirm it with confirmTotpEnrollment and a first code.' })
export class TotpEnrollmentModel {
  @Field({ description: 'The shared secret, base32 (RFC 4648), to type into the app.' }) secret!: string;
  @Field({ description: 'The otpauth:// link the QR code holds.' }) otpauthUri!: string;
  @Field({ description: 'The QR code of otpauthUri, as an SVG document.' }) qrCodeSvg!: string;
  @Field(() => [String], { description: 'Ten single-use recovery codes: each signs in once instead of a code from the app. Shown only now.' })
  recoveryCodes!: string[];
}

export const MfaSourceEnum = { ADMIN: 'ADMIN', DIRECTORY: 'DIRECTORY', IDENTITY_PROVIDER: 'IDENTITY_PROVIDER', TOTP: 'TOTP', PASSKEY: 'PASSKEY' } as const;
export type MfaSource = keyof typeof MfaSourceEnum;
registerEnumType(MfaSourceEnum, {
  name: 'MfaSource',
  description: "Who says the user has MFA: ADMIN (attested when the user was created), DIRECTORY (SCIM's Keyward extension), IDENTITY_PROVIDER (a single sign-on's amr said mfa), or a console factor, TOTP or PASSKEY.",
});

export const ConsoleMfaStatusEnum = { SATISFIED: 'SATISFIED', NOT_REQUIRED: 'NOT_REQUIRED', GRACE: 'GRACE', ENROLMENT_REQUIRED: 'ENROLMENT_REQUIRED' } as const;
export type ConsoleMfaStatus = keyof typeof ConsoleMfaStatusEnum;
registerEnumType(ConsoleMfaStatusEnum, {
  name: 'ConsoleMfaStatus',
  description: "Where the user stands with the tenant policy's second factor for console roles: GRACE until the deadline, then ENROLMENT_REQUIRED.",
});

@ObjectType('Passkey')
export class PasskeyModel {
  @Field(() => ID, { description: 'The credential id, base64url.' }) id!: string;
  @Field() name!: string;
}

@ObjectType('SecondFactors', { description: "The user's console second factors; never a secret." })
export class SecondFactorsModel {
  @Field({ description: 'Whether an authenticator app (TOTP) is registered.' }) totp!: boolean;
  @Field(() => Int, { description: 'Recovery codes not used yet.' }) recoveryCodesLeft!: number;
  @Field(() => [PasskeyModel]) passkeys!: PasskeyModel[];
  @Field(() => [MfaSourceEnum], { description: 'Who says the user has MFA (mfaRegistered is true when any does).' }) mfaSources!: MfaSource[];
  @Field(() => ConsoleMfaStatusEnum) status!: ConsoleMfaStatus;
  @Field(() => DateTimeScalar, { nullable: true, description: 'The end of the grace period, when the policy requires a factor the user has not registered.' })
  deadline!: Date | null;
}

@InputType()
export class ResetSecondFactorsInput {
  @Field(() => ID) userId!: string;
  @Field({ description: 'Why (a ticket, "lost phone"): recorded in the audit trail. 1 to 500 characters.' }) reason!: string;
}
