// The in-process FAKE of the EventStoreDB protocol (libs/shared/event-store), for black-box
// tests that run Keyward on its EventStoreDB adapter. No EventStoreDB server can run here.
export { EsdbProtocolFake } from '@keyward/shared/event-store/testing';
