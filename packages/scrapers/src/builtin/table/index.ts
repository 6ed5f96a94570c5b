export type { RawRow, RawTable } from '../kit';
export { extractCsvTable, extractHtmlTables, extractMarkdownTables, findColumn } from '../kit';
export type { ParseTableOptions } from './parse-table';
export { extractTables, parseTable } from './parse-table';
export type { TableConfig, TableConfigInput } from './table-config';
export { loadTableConfig, parseTableConfig, TableConfigSchema } from './table-config';
export { createTableScraper, loadTableScrapers } from './table-scraper';
