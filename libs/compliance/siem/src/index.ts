export * from './compliance-siem.module';
export { siemFailurePolicy, MAX_SIEM_RETRY_DELAY_MS } from './siem-failures';
export { siemPayloadOf, type SiemFormat, type SiemPayload } from './siem-payload';
export { syslogMessage, octetCountedFrame, severityOf, type SyslogFields } from './syslog/syslog-message';
export { SyslogForwarder } from './syslog/syslog-forwarder.reaction';
export { hecEventJson, hecEndpoint, sourcetypeOf } from './hec/hec-request';
export { HecForwarder } from './hec/hec-forwarder.reaction';
