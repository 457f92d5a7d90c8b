/**
 * Templates compiled ahead of time, by key (see templateKey). The start-up bundle puts here the
 * templates its warm-up build compiled (scripts/bundle.mjs), so that a run from the bundle does
 * not compile the built-in templates again; running from the modules, it is empty. A template
 * not found here is compiled when first used, as always.
 */
export const PRECOMPILED: Readonly<Record<string, TemplateSpecification>> = {};
