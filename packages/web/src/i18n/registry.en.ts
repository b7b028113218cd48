import type { RegistryMessageKey } from './registry.zh-CN.ts';

export const registryEn: Record<RegistryMessageKey, string> = {
  'registry.menu.import': 'Population import',
  'registry.import.title': 'Import population',
  'registry.import.desc':
    "Bring a community's population spreadsheet in: .xlsx, or .csv in UTF-8 or GB18030, at most 10 MB and 20,000 rows. People are recognised by their ID number: new numbers are added, known ones updated; the household is found from grid code, building, unit and door number, or created. Importing the same file again registers nobody twice.",
  'registry.import.template': 'Download template',
  'registry.import.export': 'Export people (template)',
  'registry.import.exportArea': 'Area to export',
  'registry.import.exportHint': 'The file holds full ID and phone numbers; the export is recorded in the audit log. Keep it safe.',
  'registry.import.drop': 'Click or drag a file here to upload',
  'registry.import.hint': 'Required columns: name, ID number, phone, grid code, building, unit, door number; other columns as in the template',
  'registry.import.running': 'Importing…',
  'registry.import.result': 'Import result: {file}',
  'registry.import.created': 'Created',
  'registry.import.updated': 'Updated',
  'registry.import.unchanged': 'Unchanged',
  'registry.import.refused': 'Not imported',
  'registry.import.done': 'Created {created}, updated {updated}, unchanged {unchanged}, not imported {refused}',
  'registry.import.downloadReport': 'Download result',
  'registry.import.allGood': 'Every row was imported.',
  'registry.import.col.row': 'Row',
  'registry.import.col.reason': 'Why not imported',
  'registry.import.tooLarge': 'The file may not exceed 10 MB',
};
