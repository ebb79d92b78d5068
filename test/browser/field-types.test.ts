import { deflateSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests, startBrowserHarness, type BrowserHarness } from '../support/browser-harness.js';

/*
 * The new field types as staff use them: an inspector fills an NCR's time found (factory clock),
 * responsible member and department and uploads a photo that shows as a thumbnail; an engineer ticks
 * the departments an engineering change affects. Both save, and the lists show names and labels.
 */

interface StoredRecord {
  id: string;
  data: Record<string, unknown>;
}

interface RecordPage {
  items: StoredRecord[];
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 24x24 PNG (a red square with a dark stripe), so the thumbnail has something to show. */
function photo(): Buffer {
  const size = 24;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < size; y += 1) {
    rows.push(0);
    for (let x = 0; x < size; x += 1) rows.push(...(Math.abs(x - y) < 3 ? [40, 40, 40] : [200, 40, 40]));
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0))]);
}

describe.skipIf(skipBrowserTests)('new field types in Chromium', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness({ name: 'field-types' });
  });

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => {
    if (!harness) return;
    expect(harness.unexpectedProblems()).toEqual([]);
  });

  it('an inspector records an NCR with time found, responsible member and department and a photo', async () => {
    const { page } = harness;
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(harness.baseUrl);
    await harness.signIn('huang.li');
    await page.getByTestId('nav-ncr').click();
    await page.getByTestId('record-list').waitFor();
    await page.getByTestId('new-record').click();
    await page.getByTestId('save-record').waitFor();

    await page.locator('#root_source').selectOption({ label: '来料检验' });
    await page.getByTestId('lookup-root_item').fill('KBZ');
    await page.locator('[data-testid^="lookup-option-"]').first().click();
    await page.locator('#root_description').fill('壳体裂纹，长约 3 mm');
    await page.locator('#root_severity').selectOption({ label: '一般' });
    // Typed on the factory's clock: 09:30 in Shanghai is 01:30 UTC.
    await page.locator('#root_foundAt').fill('2026-11-24T09:30');
    expect(await page.getByTestId('field-foundAt').textContent()).toContain('工厂时间');

    await page.getByTestId('member-root_responsible').fill('吴');
    await page.getByTestId('member-option-wu.gang').click();
    await expect.poll(() => page.getByTestId('member-root_responsible').inputValue()).toBe('吴刚');
    await page.getByTestId('department-root_responsibleDepartment').selectOption('workshop');

    await page.getByTestId('attachment-input-root_photos').setInputFiles({ name: '裂纹.png', mimeType: 'image/png', buffer: photo() });
    const thumbnail = page.locator('.attachment-thumb');
    await thumbnail.waitFor();
    await expect.poll(() => thumbnail.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth)).toBe(24);
    await harness.screenshot('01-ncr-filled');

    await page.getByTestId('save-record').click();
    await expect.poll(() => page.getByTestId('flash').textContent()).toContain('记录已创建');
    const id = decodeURIComponent(new URL(page.url()).hash.split('/').pop() ?? '');
    const stored = await harness.api<StoredRecord>('huang.li', `/api/forms/ncr/records/${encodeURIComponent(id)}`);
    expect(stored.data).toMatchObject({ foundAt: '2026-11-24T01:30:00.000Z', responsible: 'wu.gang', responsibleDepartment: 'workshop' });
    expect(stored.data.photos).toEqual([{ id: expect.any(String), name: '裂纹.png', size: photo().length, type: 'image/png' }]);
    await page.locator('.attachment-thumb').waitFor();
    await harness.screenshot('02-ncr-saved');

    await page.getByTestId('back-to-list').click();
    const row = page.getByTestId(`row-${id}`);
    await row.waitFor();
    await harness.screenshot('03-ncr-list');
  });

  it('an engineer ticks the departments an engineering change affects', async () => {
    const page = await (await harness.newContext()).newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(harness.baseUrl);
    await harness.signIn('wu.gang', page);
    await page.getByTestId('nav-engineering-change').click();
    await page.getByTestId('new-record').click();
    await page.getByTestId('save-record').waitFor();

    await page.getByTestId('lookup-root_bom').fill('KBZ');
    await page.locator('[data-testid^="lookup-option-"]').first().click();
    await page.locator('#root_reason').fill('叶轮材料替换');
    await page.locator('#root_changeDescription').fill('叶轮由铸铁改为不锈钢');
    await page.locator('#root_effectiveDate').fill('2026-12-01');
    const affected = page.getByTestId('field-affectedDepartments');
    await affected.getByLabel('采购部').check();
    await affected.getByLabel('生产部').check();
    await harness.screenshot('04-eco-filled', page);
    await page.getByTestId('save-record').click();
    await expect.poll(() => page.getByTestId('flash').textContent()).toContain('记录已创建');
    const id = decodeURIComponent(new URL(page.url()).hash.split('/').pop() ?? '');
    const stored = await harness.api<StoredRecord>('wu.gang', `/api/forms/engineering-change/records/${encodeURIComponent(id)}`);
    expect(stored.data.affectedDepartments).toEqual(['purchasing', 'production']);

    await page.getByTestId('back-to-list').click();
    await page.getByTestId(`row-${id}`).waitFor();
    const list = await harness.api<RecordPage>('wu.gang', '/api/forms/engineering-change/records?filter=affectedDepartments:eq:purchasing');
    expect(list.items.map((item) => item.id)).toContain(id);
    await harness.screenshot('05-eco-list', page);
    await page.close();
  });

  it('the form designer offers the new types, and its preview renders them with the staff widgets', async () => {
    const page = await (await harness.newContext()).newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(harness.baseUrl);
    await harness.signIn('admin', page);
    await page.getByTestId('nav-form-designer').click();
    await page.getByTestId('new-form').click();
    await page.getByTestId('new-form-zh').fill('设备点检');
    await page.getByTestId('new-form-en').fill('Equipment check');
    await page.getByTestId('new-form-create').click();
    await page.getByTestId('designer-canvas').waitFor();
    for (const type of ['dateTime', 'multiChoice', 'member', 'department', 'attachments']) await page.getByTestId(`palette-${type}`).click();
    await page.getByTestId('design-field-attachments1').click();
    await page.getByTestId('prop-max-files').fill('3');
    await harness.screenshot('06-designer-palette', page);
    await page.getByTestId('designer-tab-preview').click();
    const preview = page.getByTestId('designer-preview');
    await preview.waitFor();
    await preview.locator('#root_dateTime1').waitFor();
    await preview.getByLabel('选项2').check();
    await preview.getByTestId('member-root_member1').fill('李');
    await preview.getByTestId('member-option-li.na').click();
    await preview.getByTestId('department-root_department1').selectOption('quality');
    expect(await preview.getByTestId('attachments-root_attachments1').textContent()).toContain('最多 3 个');
    await harness.screenshot('07-designer-preview', page);
    await page.close();
  });
});
