import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@keyward/shared/server';
import { AppPasswordModel } from '@keyward/app-passwords/api';

@ObjectType('LeakMatch', { description: "One of the tenant's app passwords found in the scanned text." })
export class LeakMatchModel {
  @Field(() => AppPasswordModel) appPassword!: AppPasswordModel;
  @Field(() => Boolean, { name: 'proven', description: 'Whether the secret part found verifies: a proven leak, not only a key id.' }) isProven!: boolean;
}

@ObjectType('LeakScan', { description: 'A scan of text for leaked app passwords, recorded (what it found, never the text or a secret).' })
export class LeakScanModel {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeScalar) scannedAt!: string;
  @Field(() => Int, { description: "Strings in the app-password format with a valid checksum, however spaced or cased (other tenants' included)." })
  candidates!: number;
  @Field(() => [LeakMatchModel], { description: "The tenant's app passwords among them." }) matches!: LeakMatchModel[];
  @Field(() => [ID], { description: 'The proven matches that are ACTIVE: give them to revokeAppPasswords as filter { ids } to revoke them as a case.' })
  provenActiveIds!: string[];
}
