-- Databases seeded before the flag existed: the seed catalogue's types that are dispatched at intake
-- to their utility (自动派遣). Seeding inserts new rows with the flag; edits made since are kept.
UPDATE "catalogue_types" SET "auto_dispatch" = true WHERE "code" IN ('0502', '0503', '0507', 'G0706', 'G0707') AND "default_unit_code" IS NOT NULL;
