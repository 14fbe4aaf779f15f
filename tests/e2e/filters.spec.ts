import { expect, openApp, searchParams, test } from './fixtures';

/**
 * With more than twelve leaders (the seeds list 54 office-holders), "Find a leader" narrows the
 * checkboxes by name, alias or role; it filters the list, not the events, and leaves the URL alone.
 */
test('"Find a leader" narrows the checkboxes; checking one filters the events by URL', async ({
  page,
}) => {
  await openApp(page);
  const find = page.getByRole('searchbox', { name: 'Find a leader' });
  await find.fill('ishiba');
  await expect(page.getByRole('checkbox', { name: 'Shigeru Ishiba' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Lee Jae-myung' })).toHaveCount(0);
  expect(searchParams(page).get('leaders')).toBeNull();

  await page.getByRole('checkbox', { name: 'Shigeru Ishiba' }).check();
  await expect.poll(() => searchParams(page).get('leaders')).toBe('shigeru-ishiba');

  // A checked leader stays in the list whatever is typed; clearing the box shows everyone again.
  await find.fill('carney');
  await expect(page.getByRole('checkbox', { name: 'Shigeru Ishiba' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Mark Carney' })).toBeVisible();
  await find.fill('');
  await expect(page.getByRole('checkbox', { name: 'Lee Jae-myung' })).toBeVisible();
  expect(searchParams(page).get('leaders')).toBe('shigeru-ishiba');

  await page.getByRole('checkbox', { name: 'Shigeru Ishiba' }).uncheck();
  await expect.poll(() => searchParams(page).get('leaders')).toBeNull();
  await find.fill('nobody such');
  await expect(page.getByText('No leader matches “nobody such”.')).toBeVisible();
});
