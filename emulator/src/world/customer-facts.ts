/**
 * What a customer's seeded answers carry, for GET /_emulator/customers: how many carry each identifier and in which
 * forms the mobile is stored, so tests can pick e.g. "a customer whose surveys only carry the mobile".
 */
import { csrRows, IDENT_CUSTOMER, IDENT_EMAIL, IDENT_MOBILE } from './store.js';
import { PHONE_FORMS } from './phone-forms.js';
import type { World } from './types.js';

export interface CustomerFacts {
  /** Seeded answers carrying cc_CustomerId / Mobile / Email. */
  carries: { customerId: number; mobile: number; email: number };
  /** Forms (phone-forms.ts) the mobile is stored in across those answers. */
  mobileForms: string[];
}

export function customerFacts(world: World, index: number): CustomerFacts {
  const { seeded, byCustomer } = world.answers;
  const carries = { customerId: 0, mobile: 0, email: 0 };
  const forms = new Set<string>();
  for (const i of csrRows(byCustomer, index)) {
    const ident = seeded.ident[i]!;
    if (ident & IDENT_CUSTOMER) carries.customerId++;
    if (ident & IDENT_EMAIL) carries.email++;
    if (ident & IDENT_MOBILE && world.customers[index]?.mobile) {
      carries.mobile++;
      forms.add(PHONE_FORMS[seeded.phoneForm[i]!]!);
    }
  }
  return { carries, mobileForms: PHONE_FORMS.filter((f) => forms.has(f)) };
}
