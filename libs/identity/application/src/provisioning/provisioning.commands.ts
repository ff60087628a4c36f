import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { conflict, forbidden, notFound, type CommandContext } from '@keyward/shared/domain';
import { Aggregates } from '@keyward/shared/event-sourcing';
import {
  authorize,
  authorizeTenantWide,
  requireUserPrincipalName,
  userDecider,
  userIdFor,
  userStreamId,
  type DirectoryProfile,
  type ExistingUser,
  type Role,
  type SystemPrincipal,
  type User,
  type UserCommand,
  type UserEvent,
  type UserPrincipal,
  type UserSource,
} from '@keyward/identity/domain';
import { Directory } from '../directory/directory.repository';
import { SessionService } from '../sessions/session-service';

/**
 * What a directory (Entra ID, Okta, over SCIM) does to the tenant's users. Each is one command on
 * the user's stream, so a change is written whole or not at all, and `active: false` is the same
 * UserDisabled the console writes, with every effect of disableUser (sessions end; the tenant
 * policy decides whether the app passwords are revoked).
 */
export interface DirectoryUserInput {
  displayName: string;
  profile: DirectoryProfile;
  active: boolean;
}

/** The version the directory last saw (If-Match) is no longer the user's: SCIM's 412. */
export class VersionMismatch extends Error {
  constructor(readonly current: number) {
    super(`The user has changed since; its version is now W/"${current}".`);
  }
}

export class ProvisionUserCommand {
  constructor(
    readonly userPrincipalName: string,
    readonly input: DirectoryUserInput,
    /** A directory over SCIM, or single sign-on creating a user at their first sign-in. */
    readonly source: UserSource,
    readonly principal: DirectoryPrincipal,
    readonly context: CommandContext,
  ) {}
}

export class UpdateDirectoryUserCommand {
  constructor(
    readonly userId: string,
    /** The whole new state, from the state it is computed on (a PATCH's operations applied to it). */
    readonly input: (current: ExistingUser) => DirectoryUserInput | Promise<DirectoryUserInput>,
    /** If-Match: the version the change was computed on, when the directory sent one. */
    readonly expectedRevision: number | null,
    readonly principal: DirectoryPrincipal,
    readonly context: CommandContext,
  ) {}
}

export class DeprovisionUserCommand {
  constructor(
    readonly userId: string,
    readonly expectedRevision: number | null,
    readonly principal: DirectoryPrincipal,
    readonly context: CommandContext,
  ) {}
}

/** Gives and takes roles (a SCIM group's members), or sets them (single sign-on's `roles` claim): a user left with none keeps USER. */
export class ChangeUserRolesCommand {
  constructor(
    readonly userId: string,
    readonly change: { readonly add?: readonly Role[]; readonly remove?: readonly Role[]; readonly set?: readonly Role[] },
    readonly principal: DirectoryPrincipal,
    readonly context: CommandContext,
  ) {}
}

/** A directory over SCIM (a global admin's API token), or single sign-on creating a user or setting their roles. */
export type DirectoryPrincipal = UserPrincipal | SystemPrincipal;

export interface DirectoryChange {
  user: ExistingUser;
  events: UserEvent[];
}

function requireVersion(user: User, expectedRevision: number | null): void {
  if (expectedRevision !== null && user.status !== 'none' && user.revision !== expectedRevision) throw new VersionMismatch(user.revision);
}

abstract class DirectoryHandler {
  constructor(
    protected readonly aggregates: Aggregates,
    protected readonly directory: Directory,
    private readonly sessions: SessionService,
  ) {}

  /** Runs a user command (a function of the state it decides on) and ends sessions when it disabled the user. */
  protected async change(userId: string, command: (current: User) => UserCommand, context: CommandContext): Promise<DirectoryChange> {
    const { events, state } = await this.aggregates.handle(userStreamId(userId), userDecider, command, context);
    if (events.some((event) => event.type === 'UserDisabled')) this.sessions.endSessionsOf(userId);
    return { user: state as ExistingUser, events };
  }

  protected async revokesOnDisable(principal: DirectoryPrincipal): Promise<boolean> {
    return (await this.directory.tenantOf(principal)).policy.revokesOnDisable;
  }

  /** The principal may not take away its own access: disable, delete or demote itself. */
  protected refuseSelf(principal: DirectoryPrincipal, userId: string, what: string): void {
    if (principal.kind === 'user' && userId === principal.userId) throw forbidden(`The directory cannot ${what} the user whose API token it uses.`);
  }
}

@CommandHandler(ProvisionUserCommand)
export class ProvisionUserHandler extends DirectoryHandler implements ICommandHandler<ProvisionUserCommand, DirectoryChange> {
  constructor(aggregates: Aggregates, directory: Directory, sessions: SessionService) {
    super(aggregates, directory, sessions);
  }

  async execute({ userPrincipalName, input, source, principal, context }: ProvisionUserCommand): Promise<DirectoryChange> {
    authorize(principal, 'directory.provision', { tenantId: principal.tenantId });
    const tenant = await this.directory.tenantOf(principal);
    const upn = requireUserPrincipalName(userPrincipalName);
    return this.change(
      userIdFor(upn.value),
      () => ({
        type: 'ProvisionUser',
        data: {
          tenantId: tenant.tenantId,
          tenantDomains: tenant.domains,
          userPrincipalName: upn.value,
          roles: ['USER'],
          ...input,
          source,
          revokesAppPasswords: tenant.policy.revokesOnDisable,
        },
      }),
      context,
    );
  }
}

@CommandHandler(UpdateDirectoryUserCommand)
export class UpdateDirectoryUserHandler extends DirectoryHandler implements ICommandHandler<UpdateDirectoryUserCommand, DirectoryChange> {
  constructor(aggregates: Aggregates, directory: Directory, sessions: SessionService) {
    super(aggregates, directory, sessions);
  }

  async execute({ userId, input, expectedRevision, principal, context }: UpdateDirectoryUserCommand): Promise<DirectoryChange> {
    authorizeTenantWide(principal, 'directory.provision');
    const revokesAppPasswords = await this.revokesOnDisable(principal);
    // The new state is computed on the state read; if another change lands in between, again on the new one.
    for (let attempt = 1; ; attempt++) {
      const user = await this.directory.userFor(principal, 'directory.provision', userId);
      if (user.deprovisioned) throw notFound('No such user.');
      requireVersion(user, expectedRevision);
      const state = await input(user);
      if (!state.active) this.refuseSelf(principal, userId, 'disable');
      try {
        return await this.change(
          userId,
          (current) => {
            if (current.status === 'none' || current.revision !== user.revision) throw new VersionMismatch(current.status === 'none' ? -1 : current.revision);
            return { type: 'UpdateDirectoryUser', data: { ...state, revokesAppPasswords } };
          },
          context,
        );
      } catch (error) {
        if (!(error instanceof VersionMismatch) || expectedRevision !== null) throw error;
        if (attempt >= 3) throw conflict('The user changed while this change was computed; try again.');
      }
    }
  }
}

@CommandHandler(DeprovisionUserCommand)
export class DeprovisionUserHandler extends DirectoryHandler implements ICommandHandler<DeprovisionUserCommand, DirectoryChange> {
  constructor(aggregates: Aggregates, directory: Directory, sessions: SessionService) {
    super(aggregates, directory, sessions);
  }

  async execute({ userId, expectedRevision, principal, context }: DeprovisionUserCommand): Promise<DirectoryChange> {
    authorizeTenantWide(principal, 'directory.provision');
    const user = await this.directory.userFor(principal, 'directory.provision', userId);
    if (user.deprovisioned) throw notFound('No such user.');
    this.refuseSelf(principal, userId, 'delete');
    const revokesAppPasswords = await this.revokesOnDisable(principal);
    return this.change(
      userId,
      (current) => {
        requireVersion(current, expectedRevision);
        return { type: 'DisableUser', data: { revokesAppPasswords, deprovisioned: true } };
      },
      context,
    );
  }
}

@CommandHandler(ChangeUserRolesCommand)
export class ChangeUserRolesHandler extends DirectoryHandler implements ICommandHandler<ChangeUserRolesCommand, DirectoryChange> {
  constructor(aggregates: Aggregates, directory: Directory, sessions: SessionService) {
    super(aggregates, directory, sessions);
  }

  async execute({ userId, change, principal, context }: ChangeUserRolesCommand): Promise<DirectoryChange> {
    authorizeTenantWide(principal, 'directory.provision');
    await this.directory.userFor(principal, 'directory.provision', userId);
    if (principal.kind === 'user' && change.remove?.some((role) => principal.roles.includes(role))) this.refuseSelf(principal, userId, 'take a role from');
    return this.change(
      userId,
      (current) => {
        const held = change.set ?? (current as ExistingUser).roles;
        const roles = [...held, ...(change.add ?? [])].filter((role, i, all) => all.indexOf(role) === i && !change.remove?.includes(role));
        return { type: 'ChangeUserRoles', data: { roles: roles.length > 0 ? roles : ['USER'] } };
      },
      context,
    );
  }
}
