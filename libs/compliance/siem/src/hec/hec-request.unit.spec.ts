import { hecBody, hecEndpoint, hecEventJson, sourcetypeOf } from './hec-request';
import { concatenatedObjects } from './hec-receiver.double';

describe('a request to an HTTP event collector', () => {
  it('given a URL with no path, when the endpoint is chosen, then it is the collector\'s event endpoint; a URL with a path is used as it is', () => {
    expect(hecEndpoint('https://splunk.example.net:8088')).toBe('https://splunk.example.net:8088/services/collector/event');
    expect(hecEndpoint('https://splunk.example.net:8088/')).toBe('https://splunk.example.net:8088/services/collector/event');
    expect(hecEndpoint('https://collector.example.net/splunk/services/collector/event/1.0')).toBe('https://collector.example.net/splunk/services/collector/event/1.0');
  });

  it('given a record, when it becomes an HEC event, then time is epoch seconds with milliseconds and the record goes in byte for byte', () => {
    const json = '{"actor":"user:u-1","data":{"label":"a \\"b\\" ]"},"id":"e-1"}';
    const event = hecEventJson({ occurredAt: '2026-12-01T09:00:01.250Z', host: 'keyward-1', sourcetype: 'keyward:audit', json });
    expect(event).toBe(`{"time":1796115601.250,"host":"keyward-1","source":"keyward","sourcetype":"keyward:audit","event":${json}}`);
    expect(JSON.parse(event)).toEqual({ time: 1796115601.25, host: 'keyward-1', source: 'keyward', sourcetype: 'keyward:audit', event: JSON.parse(json) });
    expect(hecEventJson({ occurredAt: '2026-12-01T09:00:01Z', host: 'h', sourcetype: 's', json: '{}' })).toMatch(/^\{"time":1796115601\.000,/);
  });

  it('given a host name that needs escaping, when it becomes an HEC event, then the envelope is still JSON', () => {
    const event = hecEventJson({ occurredAt: '2026-12-01T09:00:01.000Z', host: 'odd "host"\\', sourcetype: 'keyward:audit', json: '{}' });
    expect(JSON.parse(event).host).toBe('odd "host"\\');
  });

  it('given several events, when they make one body, then a collector reads them back one by one', () => {
    const events = ['{"n":1,"s":"}{"}', '{"n":2}', '{"n":3,"nested":{"a":"\\"}"}}'];
    expect(concatenatedObjects(hecBody(events))).toEqual(events.map((event) => JSON.parse(event)));
  });

  it('given the format, when the sourcetype is chosen, then records are keyward:audit and OCSF events ocsf: and their class', () => {
    expect(sourcetypeOf('record', '{"type":"AppPasswordUsed"}')).toBe('keyward:audit');
    expect(sourcetypeOf('ocsf', '{"class_uid":3002,"class_name":"Authentication"}')).toBe('ocsf:authentication');
    expect(sourcetypeOf('ocsf', '{"class_uid":3001,"class_name":"Account Change"}')).toBe('ocsf:account_change');
    expect(sourcetypeOf('ocsf', '{"class_uid":3001}')).toBe('ocsf:class_3001');
  });
});
