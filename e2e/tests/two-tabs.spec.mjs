// Several tabs (issue 5): one tab edits, the others only view (their banner says so) and
// follow its saved changes; «Sửa ở thẻ này» moves the editing over after the editing tab has
// saved. Edits made in turn in two tabs are all kept.
import { test, expect, tid, openApp, reloadApp, createPlan, savedToStorage, watchErrors } from './helpers.mjs';

const field = (page, id) => page.locator(`${tid('plan-details')} ${tid(id)}`);

async function type(page, id, value) {
  await field(page, id).fill(value);
  await field(page, id).press('Tab');
}

async function expectEditing(page, editing) {
  await expect(page.locator(tid('app-ready'))).toHaveAttribute('data-editing', String(editing));
  if (editing) {
    await expect(page.locator(tid('read-only-tab'))).toHaveCount(0);
  } else {
    await expect(page.locator(tid('read-only-tab'))).toBeVisible();
  }
}

test('two tabs edit in turn and no edit is lost', async ({ context, page, pageErrors }) => {
  await openApp(page);
  await expectEditing(page, true);
  await createPlan(page, { unit: 'Phường Tân Định', number: '01/KH-UBND' });
  await type(page, 'plan-superior', 'Sửa ở thẻ một');
  await savedToStorage(page);
  const url = page.url();

  // A second tab of the same workbook only views it, and shows what the first one saved.
  const second = await context.newPage();
  watchErrors(second, pageErrors);
  await openApp(second, url);
  await expectEditing(second, false);
  await expect(second.locator(tid('read-only-tab'))).toContainText('đang được sửa ở một thẻ khác');
  await expect(field(second, 'plan-superior')).toHaveValue('Sửa ở thẻ một');
  // Its workbook cannot be used, so nothing typed there could be lost.
  await expect(second.locator('.app-body')).toHaveAttribute('inert', '');
  await expect(second.locator(tid('undo'))).toBeDisabled();

  // The first tab goes on editing; the second follows.
  await type(page, 'plan-number', '02/KH-UBND');
  await expect(field(second, 'plan-number')).toHaveValue('02/KH-UBND');

  // The second tab takes over: the first saves its last edit (still waiting for its write)
  // and becomes the viewing one.
  await field(page, 'plan-unit').fill('Phường Tân Định mới');
  await second.locator(tid('take-over')).click();
  await expectEditing(second, true);
  await expectEditing(page, false);
  await expect(field(second, 'plan-unit')).toHaveValue('Phường Tân Định mới');
  await expect(second.locator(tid('notice-info'))).toContainText('Thẻ này giờ là nơi sửa');
  await type(second, 'plan-superior-code', '79');
  await expect(field(page, 'plan-superior-code')).toHaveValue('79');

  // And back.
  await page.locator(tid('take-over')).click();
  await expectEditing(page, true);
  await expectEditing(second, false);
  await type(page, 'plan-unit-code', '26734');
  await savedToStorage(page);
  await expect(field(second, 'plan-unit-code')).toHaveValue('26734');

  // Every edit of both tabs is kept.
  await second.close();
  await reloadApp(page);
  await expectEditing(page, true);
  await expect(field(page, 'plan-unit')).toHaveValue('Phường Tân Định mới');
  await expect(field(page, 'plan-number')).toHaveValue('02/KH-UBND');
  await expect(field(page, 'plan-superior')).toHaveValue('Sửa ở thẻ một');
  await expect(field(page, 'plan-superior-code')).toHaveValue('79');
  await expect(field(page, 'plan-unit-code')).toHaveValue('26734');
});

test('when the editing tab is closed, another tab can edit at once', async ({ context, page, pageErrors }) => {
  await openApp(page);
  await createPlan(page, { unit: 'Xã Hà Hưng' });
  await savedToStorage(page);
  const second = await context.newPage();
  watchErrors(second, pageErrors);
  await openApp(second, page.url());
  await expectEditing(second, false);
  await page.close();
  await second.locator(tid('take-over')).click();
  await expectEditing(second, true);
  await type(second, 'plan-number', '05/KH-UBND');
  await reloadApp(second);
  await expect(field(second, 'plan-number')).toHaveValue('05/KH-UBND');
});
