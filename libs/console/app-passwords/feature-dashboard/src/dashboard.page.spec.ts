import { seriesByKey } from './dashboard.page';

describe('plot series from daily breakdowns', () => {
  it('gives each key one value per day, zero where the key had nothing that day', () => {
    const days = ['2026-11-01', '2026-11-02', '2026-11-03'];
    const rows = [
      { day: '2026-11-01', key: 'smtp', count: 4 },
      { day: '2026-11-03', key: 'smtp', count: 1 },
      { day: '2026-11-02', key: 'imap', count: 7 },
    ];
    expect(seriesByKey(days, rows)).toEqual([
      { name: 'imap', values: [0, 7, 0] },
      { name: 'smtp', values: [4, 0, 1] },
    ]);
  });
});
