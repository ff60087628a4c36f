import type { LocatorFactory } from '@angular/cdk/testing';

/** Types into the form control named `name` (an input or a textarea), or picks the option of that value in a select, as a user would. */
export async function fillField(locators: LocatorFactory, name: string, value: string): Promise<void> {
  const field = await locators.locatorFor(`[name="${name}"]`)();
  if ((await field.getProperty<string>('tagName')) === 'SELECT') {
    const options = await locators.locatorForAll(`[name="${name}"] option`)();
    const values = await Promise.all(options.map((option) => option.getProperty<string>('value')));
    if (!values.includes(value)) throw new Error(`No option ${value} in ${name}`);
    await field.selectOptions(values.indexOf(value));
  } else {
    await field.setInputValue(value);
    await field.dispatchEvent('input');
  }
  await field.dispatchEvent('change');
}
