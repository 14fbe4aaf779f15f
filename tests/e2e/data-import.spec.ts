import { eventList, expect, test } from './fixtures';

/**
 * The default build imports the timeline index through its module graph (a chunk of its own,
 * preloaded by index.html) instead of fetching data/timeline.json (docs/decisions/0014-data-import.md).
 */

test('the timeline comes from its own preloaded chunk, not from a request for timeline.json', async ({
  page,
  data,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('./');
  await expect(page.getByText(`All ${data.events.length} events`)).toBeVisible();
  await expect(eventList(page).getByRole('button').first()).toBeVisible();
  const preload = page.locator('link[rel="modulepreload"][href*="timeline-data-"]');
  await expect(preload).toHaveCount(1);
  expect(requested.filter((path) => /\/assets\/timeline-data-[^/]+\.js$/.test(path))).toHaveLength(
    1,
  );
  expect(requested.filter((path) => path.endsWith('/data/timeline.json'))).toEqual([]);
  expect(new URL(page.url()).search).toBe('');
});

test('imported data that breaks the format is refused with the clear message', async ({
  page,
  data,
}) => {
  // What a build whose ingest skipped its own check could ship: a newer format version.
  const body = `export default JSON.parse(${JSON.stringify(JSON.stringify({ ...data, version: 2 }))});\n`;
  await page.route('**/assets/timeline-data-*.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body }),
  );
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('The timeline data is invalid');
  await expect(alert.getByRole('listitem')).toContainText(['timeline.version should be 1']);
  await alert.getByRole('button', { name: 'Try again' }).click();
  // The same build has the same data: still refused, never drawn.
  await expect(alert.getByRole('heading')).toHaveText('The timeline data is invalid');
  expect(new URL(page.url()).search).toBe('');
});
