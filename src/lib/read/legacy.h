/* legacy: which old one-byte encoding a file that is not UTF-8 is in.
 *
 * Spreadsheets still write three: Windows-1252 (Excel's "CSV (Comma
 * delimited)" in the UK, the default), Mac Roman (Excel for Mac's
 * "CSV", whose lines end in a carriage return alone) and code page 850
 * (Excel's "CSV (MS-DOS)"). They share ASCII and differ in the bytes
 * 0x80-0xFF, so the guess rests on evidence a person's text gives:
 *  - Mac Roman: no line feed at all, carriage returns, and more of the
 *    bytes Mac Roman uses for ’ “ ” – — é è à á ä ö ü ç … • than of
 *    those Windows-1252 uses for its quotes, dashes and accented
 *    letters;
 *  - code page 850: 0x9C (£ there, œ in Windows-1252) before a digit,
 *    or one of 0x82 0x84 0x87 0x8A (é ä ç è there; punctuation or Š in
 *    Windows-1252) straight after a letter;
 *  - otherwise Windows-1252. */
#ifndef PLEDGE_LEGACY_H
#define PLEDGE_LEGACY_H

#include <stddef.h>

enum legacy { LEGACY_CP1252, LEGACY_MACROMAN, LEGACY_CP850 };

/* The encoding of a file whose first line that is not UTF-8 is line
 * (with its ending), followed in the file by rest (what is at hand of
 * the lines after it; may be empty). */
enum legacy legacy_guess(const char *line, size_t len, const char *rest,
			 size_t restlen);

/* The encoding's name for iconv_open. */
const char *legacy_iconv(enum legacy e);
/* Its name for a person ("Windows-1252"). */
const char *legacy_name(enum legacy e);
/* The code of the warning that the file was read in it. */
const char *legacy_code(enum legacy e);
/* That warning's words. */
const char *legacy_warning(enum legacy e);

#endif
