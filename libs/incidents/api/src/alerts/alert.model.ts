import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@keyward/shared/server';
import { ALERT_KINDS, ALERT_SEVERITIES, type AlertKind, type AlertSeverity } from '@keyward/incidents/domain';

export const AlertKindEnum = Object.fromEntries(ALERT_KINDS.map((kind) => [kind, kind])) as { [K in AlertKind]: K };
registerEnumType(AlertKindEnum, {
  name: 'AlertKind',
  description:
    'REVOKED_CREDENTIAL_USED: a revoked, suspended or expired app password presented with its correct secret. FAILURE_BURST: many failed sign-ins for one account or from one address. PASSWORD_SPRAY: failures for many accounts from one address. NEW_SOURCE_ADDRESS: an app password used from a network it never was.',
});
export const AlertSeverityEnum = Object.fromEntries(ALERT_SEVERITIES.map((severity) => [severity, severity])) as { [K in AlertSeverity]: K };
registerEnumType(AlertSeverityEnum, { name: 'AlertSeverity' });

@ObjectType('Alert', { description: 'Something the detectors found in the sign-ins; one alert per key and episode, its count growing with repeats.' })
export class AlertModel {
  @Field(() => ID) id!: string;
  @Field(() => AlertKindEnum) kind!: AlertKind;
  @Field(() => AlertSeverityEnum) severity!: AlertSeverity;
  @Field({ description: 'What the detector keyed it on: account:<userId>, address:<ip or IPv6 /64>, credential:<id>@<network>.' }) subject!: string;
  @Field(() => DateTimeScalar) firstSeenAt!: string;
  @Field(() => DateTimeScalar) lastSeenAt!: string;
  @Field(() => Int, { description: 'Sign-in attempts the alert stands for so far.' }) count!: number;
  @Field(() => String, { nullable: true, description: 'The user name as it was tried (a sprayed account need not exist).' }) userPrincipalName!: string | null;
  @Field(() => String, { nullable: true, description: 'The address of the attempt that raised it.' }) sourceIp!: string | null;
  @Field(() => String, { nullable: true, description: 'The network the address was counted in (IPv4 /24 or IPv6 /64), for the kinds that use one.' })
  sourceNetwork!: string | null;
  @Field(() => Int, { nullable: true, description: 'PASSWORD_SPRAY: distinct accounts that failed from the address when it was raised.' }) accounts!: number | null;
  @Field(() => String, { nullable: true, description: 'REVOKED_CREDENTIAL_USED: REVOKED, SUSPENDED or EXPIRED.' }) credentialStatus!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the detector raised it.' }) raisedAt!: string;
  @Field() acknowledged!: boolean;
  @Field(() => DateTimeScalar, { nullable: true }) acknowledgedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'Who acknowledged it: user:<id>.' }) acknowledgedBy!: string | null;
  appPasswordId!: string | null;
  userId!: string | null;
}

@InputType()
export class AlertFilter {
  @Field(() => AlertKindEnum, { nullable: true }) kind?: AlertKind | null;
  @Field(() => AlertSeverityEnum, { nullable: true }) severity?: AlertSeverity | null;
  @Field(() => Boolean, { nullable: true }) acknowledged?: boolean | null;
  @Field(() => String, { nullable: true, description: 'The address that raised it, or a CIDR block it is in (IPv4 or IPv6).' }) sourceIp?: string | null;
  @Field(() => ID, { nullable: true }) appPasswordId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The account it is about.' }) userId?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-8601: last seen at or after.' }) since?: string | null;
}
