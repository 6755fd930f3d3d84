// A deliberate type error: "newest" is not a sort order. install.test.mjs
// asserts that tsc rejects this file (TS2322 here), which proves the
// typed-example check can fail.
import { mount } from "open-data-catalogue";

export const handle = mount(document.body, { registry: "/registry.jsonld", sort: "newest" });
