import { Module } from '@nestjs/common';
import { HecForwarder } from './hec/hec-forwarder.reaction';
import { SyslogForwarder } from './syslog/syslog-forwarder.reaction';

/**
 * Streams the audit trail to SIEMs: syslog (RFC 5424 over TCP) and Splunk's HTTP Event Collector,
 * each a reactor with its own checkpoint, each running only when its URL is set.
 */
@Module({ providers: [SyslogForwarder, HecForwarder] })
export class ComplianceSiemModule {}
