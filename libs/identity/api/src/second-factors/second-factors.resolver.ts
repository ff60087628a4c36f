import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { CommandContext } from '@keyward/shared/domain';
import { JsonScalar, KEYWARD_CONFIG, relyingPartyOf, type KeywardConfig } from '@keyward/shared/server';
import { Directory, SecondFactorService } from '@keyward/identity/application';
import type { UserPrincipal } from '@keyward/identity/domain';
import { CurrentCommandContext, CurrentPrincipal, type KeywardRequest } from '../authorization/current-principal.decorator';
import { Requires } from '../authorization/requires.decorator';
import { UserModel } from '../users/user.model';
import { fromAggregate } from '../users/users.resolver';
import { ResetSecondFactorsInput, SecondFactorsModel, TotpEnrollmentModel, type ConsoleMfaStatus, type MfaSource } from './second-factors.model';

/** The console's second factors (DESIGN §8): the user enrols their own; a global admin resets anyone's in the tenant. */
@Resolver(() => UserModel)
export class SecondFactorsResolver {
  constructor(
    private readonly factors: SecondFactorService,
    private readonly directory: Directory,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {}

  @ResolveField(() => SecondFactorsModel, { description: "The user's console second factors, and where they stand with the policy's requirement." })
  async secondFactors(@Parent() user: UserModel): Promise<SecondFactorsModel> {
    // The parent was read with the caller's users.read: the user is within reach.
    const state = await this.directory.user(user.id);
    if (state.status === 'none') throw new Error('A listed user has no stream.');
    const { secondFactors } = state;
    const standing = await this.factors.standingOf(state);
    const mfaSources: MfaSource[] = [
      ...(state.mfaAttested ? (['ADMIN'] as const) : []),
      ...(state.profile.mfaRegistered === true ? (['DIRECTORY'] as const) : []),
      ...(state.mfaAttestedByIdentityProvider ? (['IDENTITY_PROVIDER'] as const) : []),
      ...(secondFactors.totp ? (['TOTP'] as const) : []),
      ...(secondFactors.passkeys.length > 0 ? (['PASSKEY'] as const) : []),
    ];
    return {
      totp: secondFactors.totp !== null,
      recoveryCodesLeft: secondFactors.recoveryCodeHashes.filter((hash) => hash !== null).length,
      passkeys: secondFactors.passkeys.map((passkey) => ({ id: passkey.credentialId, name: passkey.name })),
      mfaSources,
      status: standing.status.toUpperCase().replace('-', '_') as ConsoleMfaStatus,
      deadline: 'deadline' in standing ? standing.deadline : null,
    };
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "For `me` in a console session: how it was signed in, PASSWORD or SSO (a single sign-on session steps up through the identity provider); null otherwise.",
  })
  sessionSignInMethod(@CurrentPrincipal() principal: UserPrincipal, @Parent() user: UserModel): string | null {
    if (user.id !== principal.userId || principal.apiTokenId !== undefined || principal.signInMethod === undefined) return null;
    return principal.signInMethod.toUpperCase();
  }

  @Mutation(() => TotpEnrollmentModel, { description: 'Begins enrolling an authenticator app for the signed-in user (again, if an earlier one was not confirmed).' })
  @Requires('account.secure')
  beginTotpEnrollment(@CurrentPrincipal() principal: UserPrincipal): Promise<TotpEnrollmentModel> {
    return this.factors.beginTotpEnrolment(principal).then((enrolment) => ({ ...enrolment, recoveryCodes: [...enrolment.recoveryCodes] }));
  }

  @Mutation(() => UserModel, { description: 'Confirms the enrolment with the 6-digit code the app shows: the user has a second factor (and mfaRegistered).' })
  @Requires('account.secure')
  async confirmTotpEnrollment(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('code') code: string,
  ): Promise<UserModel> {
    return fromAggregate(await this.factors.confirmTotpEnrolment(principal, code, context));
  }

  @Mutation(() => JsonScalar, { description: "WebAuthn creation options for a new passkey of the signed-in user's, for navigator.credentials.create (startRegistration)." })
  @Requires('account.secure')
  beginPasskeyRegistration(@CurrentPrincipal() principal: UserPrincipal, @Context('req') request: KeywardRequest): Promise<object> {
    return this.factors.beginPasskeyRegistration(principal, relyingPartyOf(request, this.config));
  }

  @Mutation(() => UserModel, { description: "Registers the browser's answer to beginPasskeyRegistration as a second factor." })
  @Requires('account.secure')
  async finishPasskeyRegistration(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Context('req') request: KeywardRequest,
    @Args('response', { type: () => JsonScalar }) response: unknown,
    @Args('name', { type: () => String, nullable: true }) name: string | null,
  ): Promise<UserModel> {
    return fromAggregate(await this.factors.finishPasskeyRegistration(principal, response, name ?? '', relyingPartyOf(request, this.config), context));
  }

  @Mutation(() => UserModel, { description: "Removes a user's second factors (a lost phone), with the reason, as an audit event; their sessions end and they enrol again." })
  @Requires('users.manage')
  async resetSecondFactors(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Args('input') input: ResetSecondFactorsInput,
  ): Promise<UserModel> {
    return fromAggregate(await this.factors.reset(principal, input.userId, input.reason, context));
  }
}
