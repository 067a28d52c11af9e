// Package imports reads a job search kept elsewhere (LinkedIn's data
// export, Huntr's jobs export, or any spreadsheet saved as CSV) into
// records, one per application, and plans the files they become: names,
// ids, and which rows are already in the search.
//
// Reading is forgiving about how the file was saved and strict about what
// it says. Spreadsheet programs write UTF-8 with or without a byte order
// mark, UTF-16 (Excel's "Unicode text") or Windows-1252, separated by
// commas, semicolons (where the comma is the decimal sign) or tabs; all of
// these are recognised from the bytes. The rows themselves go through
// encoding/csv with LazyQuotes off: a stray quote or a row with the wrong
// number of cells is a problem at its line (`file.csv:LINE: message`),
// never a guess.
package imports
