import { All, Body, Controller, Delete, Get, Headers, Inject, Injectable, Param, Patch, Post, Put, Query, Req, Res, UseFilters, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { CommandContext } from '@keyward/shared/domain';
import { KEYWARD_CONFIG, publicOriginOf, readModelsSettled, SubscriberHost, type KeywardConfig } from '@keyward/shared/server';
import {
  ChangeUserRolesCommand,
  DeprovisionUserCommand,
  ProvisionUserCommand,
  UpdateDirectoryUserCommand,
  type DirectoryChange,
} from '@keyward/identity/application';
import type { ExistingUser, Role, UserPrincipal } from '@keyward/identity/domain';
import { GetDirectoryUserQuery, GetDirectoryUsersQuery, GetRoleHoldersQuery, type DirectoryUser } from '@keyward/identity/read-models';
import { CurrentCommandContext, CurrentPrincipal, type KeywardRequest } from '../authorization/current-principal.decorator';
import { Requires } from '../authorization/requires.decorator';
import { ScimExceptionFilter } from './scim-exception.filter';
import {
  listResponse,
  pageOf,
  parseFilter,
  parseUserFilter,
  patchUser,
  projectionOf,
  readUserBody,
  requirePatchOp,
  resourceTypes,
  schemas,
  SCIM_CONTENT_TYPE,
  ScimError,
  serviceProviderConfig,
  type PatchOperation,
} from './scim-protocol';
import {
  directoryInputOf,
  expectedRevisionOf,
  GROUP_ROLES,
  memberIdsOf,
  requireGroupRole,
  roleOfGroup,
  toScimGroup,
  toScimUser,
  versionOf,
} from './scim-resources';

type ScimQuery = Record<string, string | undefined>;

/** SCIM takes API tokens only: a console session's cookie is no directory. Runs after the permission guard. */
@Injectable()
class ScimTokenGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (!context.switchToHttp().getRequest<KeywardRequest>().principal?.apiTokenId) {
      throw new ScimError(401, null, 'SCIM takes an API token (Authorization: Bearer kwt_…) of a global admin, not a console session.');
    }
    return true;
  }
}

/**
 * SCIM 2.0 provisioning at `/scim/v2` (RFC 7643, RFC 7644), as Entra ID's provisioning service
 * calls it: Users (create, get, list with filter and paging, replace, patch, delete as
 * deprovisioning) and one Group per console role. Only an API token of a global admin gets in;
 * every change is a command on the user's stream, acted by `token:<id>`.
 */
@Controller('scim/v2')
@UseFilters(ScimExceptionFilter)
@UseGuards(ScimTokenGuard)
export class ScimController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly subscribers: SubscriberHost,
    @Inject(KEYWARD_CONFIG) private readonly config: KeywardConfig,
  ) {}

  @Get('ServiceProviderConfig')
  @Requires('directory.provision')
  serviceProviderConfig(@Req() request: Request, @Res() response: Response): void {
    send(response, 200, serviceProviderConfig(`${this.base(request)}/ServiceProviderConfig`));
  }

  @Get(['ResourceTypes', 'ResourceTypes/:id'])
  @Requires('directory.provision')
  resourceTypes(@Param('id') id: string | undefined, @Req() request: Request, @Res() response: Response): void {
    discovery(response, resourceTypes(this.base(request)), id, 'resource type');
  }

  @Get(['Schemas', 'Schemas/:id'])
  @Requires('directory.provision')
  schemas(@Param('id') id: string | undefined, @Req() request: Request, @Res() response: Response): void {
    discovery(response, schemas(this.base(request)), id, 'schema');
  }

  // Users

  @Get('Users')
  @Requires('directory.provision')
  async listUsers(@CurrentPrincipal() principal: UserPrincipal, @Query() query: ScimQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { startIndex, count } = pageOf(query);
    const filter = query['filter'] ? parseUserFilter(query['filter']) : null;
    const page: { totalResults: number; users: DirectoryUser[] } = await this.queries.execute(new GetDirectoryUsersQuery(principal, filter, startIndex, count));
    const project = projectionOf(query);
    send(response, 200, listResponse(page.users.map((user) => project(this.userResource(user, request))), page.totalResults, startIndex));
  }

  @Get('Users/:id')
  @Requires('directory.provision')
  async getUser(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id') id: string,
    @Query() query: ScimQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const user = await this.directoryUser(principal, id);
    if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === versionOf(user) || tag.trim() === '*')) {
      response.setHeader('ETag', versionOf(user));
      return void response.status(304).end();
    }
    sendUser(response, 200, user, projectionOf(query)(this.userResource(user, request)));
  }

  @Post('Users')
  @Requires('directory.provision')
  async createUser(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { userName, input } = directoryInputOf(readUserBody(body));
    const change: DirectoryChange = await this.commands.execute(new ProvisionUserCommand(userName, input, 'directory', principal, context));
    const user = await this.written(principal, change);
    const resource = this.userResource(user, request);
    response.setHeader('Location', String((resource['meta'] as { location: string }).location));
    sendUser(response, 201, user, resource);
  }

  @Put('Users/:id')
  @Requires('directory.provision')
  async replaceUser(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const resource = readUserBody(body);
    const change: DirectoryChange = await this.commands.execute(
      new UpdateDirectoryUserCommand(id, (current) => sameUserName(current, directoryInputOf(resource)), expectedRevisionOf(ifMatch), principal, context),
    );
    const user = await this.written(principal, change);
    sendUser(response, 200, user, this.userResource(user, request));
  }

  @Patch('Users/:id')
  @Requires('directory.provision')
  async patchUser(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const message = requirePatchOp(body);
    const base = this.base(request);
    const change: DirectoryChange = await this.commands.execute(
      new UpdateDirectoryUserCommand(
        id,
        async (current) => {
          const { meta: _meta, groups: _groups, ...resource } = toScimUser(directoryUserOf(current), base, this.config.scimGroups);
          return sameUserName(current, directoryInputOf(await patchUser(resource, message)));
        },
        expectedRevisionOf(ifMatch),
        principal,
        context,
      ),
    );
    const user = await this.written(principal, change);
    sendUser(response, 200, user, this.userResource(user, request));
  }

  @Delete('Users/:id')
  @Requires('directory.provision')
  async deleteUser(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    await this.commands.execute(new DeprovisionUserCommand(id, expectedRevisionOf(ifMatch), principal, context));
    await readModelsSettled(this.subscribers);
    response.status(204).end();
  }

  // Groups: one per console role

  @Get('Groups')
  @Requires('directory.provision')
  async listGroups(@CurrentPrincipal() principal: UserPrincipal, @Query() query: ScimQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { startIndex, count } = pageOf(query);
    const project = projectionOf(query);
    const withMembers = project({ id: '', members: [] })['members'] !== undefined;
    const groups = [];
    for (const role of GROUP_ROLES) {
      const members = await this.holdersOf(principal, role);
      if (query['filter'] && !this.groupMatches(query['filter'], role, members)) continue;
      groups.push(project(toScimGroup(role, this.base(request), this.config.scimGroups, withMembers ? members : null)));
    }
    send(response, 200, listResponse(groups.slice(startIndex - 1, startIndex - 1 + count), groups.length, startIndex));
  }

  @Get('Groups/:id')
  @Requires('directory.provision')
  async getGroup(@CurrentPrincipal() principal: UserPrincipal, @Param('id') id: string, @Query() query: ScimQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const role = requireGroupRole(id);
    const project = projectionOf(query);
    const withMembers = project({ id: '', members: [] })['members'] !== undefined;
    send(response, 200, project(toScimGroup(role, this.base(request), this.config.scimGroups, withMembers ? await this.holdersOf(principal, role) : null)));
  }

  /** The groups exist already: "creating" one by its display name (or role) adopts it, with the members sent. */
  @Post('Groups')
  @Requires('directory.provision')
  async createGroup(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Body() body: { displayName?: unknown; members?: unknown },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const role = this.roleNamed(body?.displayName);
    await this.changeMembers(principal, context, role, memberIdsOf(body.members, 0), []);
    const group = toScimGroup(role, this.base(request), this.config.scimGroups, await this.holdersOf(principal, role));
    response.setHeader('Location', group.meta.location);
    send(response, 201, group);
  }

  @Put('Groups/:id')
  @Requires('directory.provision')
  async replaceGroup(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Param('id') id: string,
    @Body() body: { displayName?: unknown; members?: unknown },
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const role = requireGroupRole(id);
    if (body?.displayName !== undefined && (typeof body.displayName !== 'string' || roleOfGroup(body.displayName, this.config.scimGroups) !== role)) throw new ScimError(400, 'mutability', "A role group's displayName cannot change.");
    await this.replaceMembers(principal, context, role, memberIdsOf(body.members, 0));
    send(response, 200, toScimGroup(role, this.base(request), this.config.scimGroups, await this.holdersOf(principal, role)));
  }

  @Patch('Groups/:id')
  @Requires('directory.provision')
  async patchGroup(
    @CurrentPrincipal() principal: UserPrincipal,
    @CurrentCommandContext() context: CommandContext,
    @Param('id') id: string,
    @Body() body: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const role = requireGroupRole(id);
    const operations = requirePatchOp(body).Operations;
    // Every operation is checked before any is applied.
    const steps = operations.map((operation, index) => this.groupStep(role, operation, index));
    for (const step of steps) await step(principal, context);
    await readModelsSettled(this.subscribers);
    response.status(204).end();
  }

  @Delete('Groups/:id')
  @Requires('directory.provision')
  deleteGroup(@Param('id') id: string): void {
    requireGroupRole(id);
    throw new ScimError(400, 'mutability', "The role groups are Keyward's own and cannot be deleted; remove their members to take the role away.");
  }

  @All(['Bulk', '.search', 'Me'])
  @Requires('directory.provision')
  notSupported(@Req() request: Request): void {
    throw new ScimError(501, null, `${request.path} is not supported here (see ServiceProviderConfig).`);
  }

  @All('*path')
  @Requires('directory.provision')
  unknownEndpoint(@Req() request: Request): void {
    throw new ScimError(404, null, `No SCIM endpoint ${request.method} ${request.path}.`);
  }

  private base(request: Request): string {
    return `${publicOriginOf(request, this.config)}/scim/v2`;
  }

  private userResource(user: DirectoryUser, request: Request): Record<string, unknown> {
    return toScimUser(user, this.base(request), this.config.scimGroups);
  }

  private async directoryUser(principal: UserPrincipal, id: string): Promise<DirectoryUser> {
    const user: DirectoryUser | null = await this.queries.execute(new GetDirectoryUserQuery(principal, id));
    if (!user) throw new ScimError(404, null, `No user ${id}.`);
    return user;
  }

  /** The user as the list holds it once this node's read models hold what the command wrote. */
  private async written(principal: UserPrincipal, change: DirectoryChange): Promise<DirectoryUser> {
    await readModelsSettled(this.subscribers);
    return this.directoryUser(principal, change.user.userId);
  }

  private holdersOf(principal: UserPrincipal, role: Role): Promise<{ id: string; userPrincipalName: string }[]> {
    return this.queries.execute(new GetRoleHoldersQuery(principal, role));
  }

  private roleNamed(displayName: unknown): Role {
    if (typeof displayName !== 'string' || !displayName.trim()) throw new ScimError(400, 'invalidValue', 'displayName is required.');
    const role = roleOfGroup(displayName, this.config.scimGroups);
    if (!role) {
      const names = GROUP_ROLES.map((candidate) => `"${this.config.scimGroups[candidate]}"`).join(', ');
      throw new ScimError(400, 'invalidValue', `No console role is provisioned through a group named "${displayName}": the groups are ${names} (KEYWARD_SCIM_GROUPS).`);
    }
    return role;
  }

  private groupMatches(expression: string, role: Role, members: { id: string }[]): boolean {
    const branches = parseFilter(expression, ['id', 'displayName', 'externalId', 'members.value'] as const);
    const name = this.config.scimGroups[role] ?? role;
    return branches.some((branch) =>
      branch.every(({ attribute, operator, value }) => {
        if (operator !== 'eq' || typeof value !== 'string') throw new ScimError(400, 'invalidFilter', 'Groups are filtered with eq on id, displayName or members.value.');
        if (attribute === 'id') return value === role;
        if (attribute === 'displayName') return value.toLowerCase() === name.toLowerCase();
        if (attribute === 'members.value') return members.some((member) => member.id === value);
        return false;
      }),
    );
  }

  /** One PATCH operation on a role group, checked now and applied when called. */
  private groupStep(role: Role, operation: PatchOperation, index: number): (principal: UserPrincipal, context: CommandContext) => Promise<void> {
    const path = operation.path?.trim();
    const filtered = path ? /^members\s*\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i.exec(path) : null;
    if (filtered) {
      if (operation.op !== 'remove') throw new ScimError(400, 'invalidPath', `Operation ${index + 1}: a member filter path only removes.`);
      return (principal, context) => this.changeMembers(principal, context, role, [], [filtered[1]]);
    }
    if (path && path.toLowerCase() === 'members') {
      const ids = memberIdsOf(operation.value, index);
      if (operation.op === 'add') return (principal, context) => this.changeMembers(principal, context, role, ids, []);
      if (operation.op === 'remove') return (principal, context) => (operation.value === undefined ? this.replaceMembers(principal, context, role, []) : this.changeMembers(principal, context, role, [], ids));
      return (principal, context) => this.replaceMembers(principal, context, role, ids);
    }
    if (path && path.toLowerCase() === 'displayname') {
      if (operation.op === 'remove' || typeof operation.value !== 'string' || roleOfGroup(operation.value, this.config.scimGroups) !== role) {
        throw new ScimError(400, 'mutability', "A role group's displayName cannot change.");
      }
      return async () => undefined;
    }
    if (path && path.toLowerCase() === 'externalid') return async () => undefined;
    if (path) throw new ScimError(400, 'invalidPath', `Operation ${index + 1}: a role group has displayName and members; ${path} is not one of them.`);
    // No path: the value is a partial Group.
    const value = (operation.value ?? {}) as { displayName?: unknown; members?: unknown; externalId?: unknown };
    if (typeof value !== 'object' || Array.isArray(value)) throw new ScimError(400, 'invalidValue', `Operation ${index + 1}: without a path, the value is an object of attributes.`);
    if (value.displayName !== undefined && (typeof value.displayName !== 'string' || roleOfGroup(value.displayName, this.config.scimGroups) !== role)) throw new ScimError(400, 'mutability', "A role group's displayName cannot change.");
    const ids = memberIdsOf(value.members, index);
    if (value.members === undefined) return async () => undefined;
    return operation.op === 'replace' ? (principal, context) => this.replaceMembers(principal, context, role, ids) : (principal, context) => this.changeMembers(principal, context, role, ids, []);
  }

  private async replaceMembers(principal: UserPrincipal, context: CommandContext, role: Role, ids: string[]): Promise<void> {
    const current = (await this.holdersOf(principal, role)).map((member) => member.id);
    await this.changeMembers(
      principal,
      context,
      role,
      ids.filter((id) => !current.includes(id)),
      current.filter((id) => !ids.includes(id)),
    );
  }

  /** Gives the role to `add` and takes it from `remove`, once every user named is found. */
  private async changeMembers(principal: UserPrincipal, context: CommandContext, role: Role, add: string[], remove: string[]): Promise<void> {
    if (add.length + remove.length > 1000) throw new ScimError(400, 'tooMany', 'At most 1000 members change in one request.');
    for (const id of [...add, ...remove]) {
      const user: DirectoryUser | null = await this.queries.execute(new GetDirectoryUserQuery(principal, id));
      if (!user) throw new ScimError(400, 'invalidValue', `No user ${id} to be a member.`);
    }
    if (remove.includes(principal.userId) && principal.roles.includes(role)) {
      throw new ScimError(403, null, 'The directory cannot take a role from the user whose API token it uses.');
    }
    for (const id of add) await this.commands.execute(new ChangeUserRolesCommand(id, { add: [role] }, principal, context));
    for (const id of remove) await this.commands.execute(new ChangeUserRolesCommand(id, { remove: [role] }, principal, context));
    await readModelsSettled(this.subscribers);
  }
}

/** A discovery list, or the one resource of it with this id. */
function discovery(response: Response, resources: { id: string }[], id: string | undefined, noun: string): void {
  if (id === undefined) return send(response, 200, listResponse(resources, resources.length, 1));
  const resource = resources.find((candidate) => candidate.id === id);
  if (!resource) throw new ScimError(404, null, `No ${noun} ${id}: there are ${resources.map((candidate) => candidate.id).join(', ')}.`);
  send(response, 200, resource);
}

/** A user's userName is its principal name, which its id follows from: it cannot change (its case can). */
function sameUserName(current: ExistingUser, { userName, input }: ReturnType<typeof directoryInputOf>) {
  if (userName.toLowerCase() !== current.userPrincipalName) {
    throw new ScimError(400, 'mutability', `userName cannot change (from ${current.userPrincipalName}): Keyward's user ids follow from it. Deprovision the user and provision the new name.`);
  }
  return input;
}

/** The aggregate's state as the directory's view of it, for a PATCH to apply to. */
function directoryUserOf(user: ExistingUser): DirectoryUser {
  return {
    id: user.userId,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName,
    roles: user.roles,
    isEnabled: user.status === 'enabled',
    profile: user.profile,
    createdAt: '',
    lastModified: '',
    revision: user.revision,
  };
}

function send(response: Response, status: number, body: unknown): void {
  response.status(status).type(SCIM_CONTENT_TYPE).send(JSON.stringify(body));
}

function sendUser(response: Response, status: number, user: DirectoryUser, resource: unknown): void {
  response.setHeader('ETag', versionOf(user));
  send(response, status, resource);
}
