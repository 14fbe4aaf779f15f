import { eventList, expect, FETCH_BUILD_URL, openApp, test, type TimelineLite } from './fixtures';

// The test serves its own data in place of data/timeline.json: only the fetch build asks for it.
test.use({ baseURL: FETCH_BUILD_URL });

/**
 * An actor's country is a party only when it is that party: a North Korean actor (another country
 * of the relationship file) is drawn in the international lane, never in South Korea's, and has its
 * own filter group after the two parties'. The data is the real timeline with one such actor and
 * event added, served in place of data/timeline.json.
 */
const TITLE = 'Kim Jong Un issues a statement';

function withNorthKorean(data: TimelineLite): string {
  const template = data.events.find((e) => e.dateKind === 'point' && e.start.length === 10)!;
  const actor = {
    id: 'kim-jong-un',
    name: 'Kim Jong Un',
    country: 'North Korea',
    role: 'Supreme Leader of North Korea',
    aliases: [],
    terms: [],
    sources: [],
    detected: true,
  };
  const event = {
    ...template,
    id: 'north-korean-statement',
    title: TITLE,
    kind: 'statement',
    actors: [actor.id],
    start: '2025-06-10',
  };
  return JSON.stringify({
    ...data,
    actors: [...data.actors, actor],
    events: [...data.events, event],
  });
}

test('a North Korean actor is in the international lane and group, not South Korea’s', async ({
  page,
  data,
}) => {
  const body = withNorthKorean(data);
  await page.route('**/data/timeline.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  await openApp(page, 'from=2025-06-01&to=2025-06-30');
  await expect(eventList(page).getByRole('button', { name: new RegExp(TITLE) })).toBeVisible();
  const lane = (position: string) =>
    page.locator(`.vis-foreground .vis-group.lane-${position}`).filter({ hasText: TITLE });
  await expect(lane('international')).toHaveCount(1);
  await expect(lane('party-a')).toHaveCount(0);
  await expect(lane('pair')).toHaveCount(0);

  const legends = page.getByRole('group', { name: /^(South Korea|Japan|North Korea)$/ });
  await expect(legends).toHaveCount(3);
  await expect(legends.nth(0)).toHaveAccessibleName('South Korea');
  await expect(legends.nth(1)).toHaveAccessibleName('Japan');
  await expect(legends.nth(2)).toHaveAccessibleName('North Korea');
  await expect(legends.nth(0).getByRole('checkbox', { name: 'Kim Jong Un' })).toHaveCount(0);

  await legends.nth(2).getByRole('checkbox', { name: 'Kim Jong Un' }).check();
  await expect(page).toHaveURL(/[?&]leaders=kim-jong-un(&|$)/);
  await expect(eventList(page).getByRole('button')).toHaveCount(1);
  await expect(
    page.getByRole('group', { name: 'Timeline of events' }).locator('.vis-labelset .lane-label'),
  ).toContainText(['With other countries']);
});
