import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { MailSecurity } from '@keyward/identity/domain';

export const MailSecurityEnum = { SSL: 'SSL', STARTTLS: 'STARTTLS' } as const;
registerEnumType(MailSecurityEnum, { name: 'MailSecurity', description: 'SSL: TLS from the start (993, 995, 465); STARTTLS: upgraded after connecting (143, 110, 587).' });

@ObjectType('MailServer')
export class MailServerModel {
  @Field() host!: string;
  @Field(() => Int) port!: number;
  @Field(() => MailSecurityEnum) security!: MailSecurity;
}

@ObjectType('MailServers', { description: "The servers the tenant's users set their mail apps up with: autoconfig, Apple profiles and the console's steps name them." })
export class MailServersModel {
  @Field(() => MailServerModel, { nullable: true }) imap!: MailServerModel | null;
  @Field(() => MailServerModel, { nullable: true }) pop!: MailServerModel | null;
  @Field(() => MailServerModel, { nullable: true, description: 'SMTP submission, for sending.' }) submission!: MailServerModel | null;
  @Field({ description: "False while they are KEYWARD_MAIL_*'s defaults, true once an admin entered the tenant's own." }) isTenantSpecific!: boolean;
}

@InputType()
export class MailServerInput {
  @Field() host!: string;
  @Field(() => Int) port!: number;
  @Field(() => MailSecurityEnum) security!: MailSecurity;
}

@InputType()
export class MailServersInput {
  @Field(() => MailServerInput, { nullable: true, description: 'Null: the tenant offers no IMAP.' }) imap?: MailServerInput | null;
  @Field(() => MailServerInput, { nullable: true }) pop?: MailServerInput | null;
  @Field(() => MailServerInput, { nullable: true }) submission?: MailServerInput | null;
}
