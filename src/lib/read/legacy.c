#include "legacy.h"

#include <string.h>

/* Bytes for ’ ‘ “ ” – — é è à á ä ö ü ç … • in Mac Roman. */
static const unsigned char mac_typical[] = { 0xD5, 0xD4, 0xD2, 0xD3, 0xD0,
	0xD1, 0x8E, 0x8F, 0x88, 0x87, 0x8A, 0x9A, 0x9F, 0x8D, 0xC9, 0xA5, 0 };

/* Bytes for ’ ‘ “ ” – — • in Windows-1252; é è à and the other accented
 * small letters are 0xE0-0xFF there. */
static const unsigned char win_typical[] = { 0x92, 0x91, 0x93, 0x94, 0x96,
	0x97, 0x95, 0 };

/* Bytes for é ä ç è in code page 850 (its ü, 0x81, is left out: it is
 * also the byte of a file that is simply broken). */
static const unsigned char dos_letters[] = { 0x82, 0x84, 0x87, 0x8A,
	0 };

static int is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_in(unsigned char c, const unsigned char *set)
{
	return c && strchr((const char *)set, c) != NULL;
}

struct evidence {
	size_t lf, cr, mac, win, dos;
};

static void weigh(const unsigned char *s, size_t len, struct evidence *e)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = s[i];
		e->lf += c == '\n';
		e->cr += c == '\r';
		if (c < 0x80)
			continue;
		e->mac += is_in(c, mac_typical);
		e->win += is_in(c, win_typical) || c >= 0xE0;
		if (c == 0x9C && i + 1 < len &&
		    ((s[i + 1] >= '0' && s[i + 1] <= '9') ||
		     (s[i + 1] == ' ' && i + 2 < len && s[i + 2] >= '0' &&
		      s[i + 2] <= '9')))
			e->dos++;
		else if (is_in(c, dos_letters) && i > 0 && is_letter(s[i - 1]))
			e->dos++;
	}
}

enum legacy legacy_guess(const char *line, size_t len, const char *rest,
			 size_t restlen)
{
	struct evidence e = { 0 };
	weigh((const unsigned char *)line, len, &e);
	weigh((const unsigned char *)rest, restlen, &e);
	if (!e.lf && e.cr && e.mac && e.mac >= e.win)
		return LEGACY_MACROMAN;
	if (e.dos)
		return LEGACY_CP850;
	return LEGACY_CP1252;
}

const char *legacy_iconv(enum legacy e)
{
	return e == LEGACY_MACROMAN ? "MACINTOSH"
	       : e == LEGACY_CP850  ? "CP850"
				    : "WINDOWS-1252";
}

const char *legacy_name(enum legacy e)
{
	return e == LEGACY_MACROMAN ? "Mac Roman"
	       : e == LEGACY_CP850  ? "code page 850"
				    : "Windows-1252";
}

const char *legacy_code(enum legacy e)
{
	return e == LEGACY_MACROMAN ? "mac-roman"
	       : e == LEGACY_CP850  ? "cp850"
				    : "windows-1252";
}

const char *legacy_warning(enum legacy e)
{
	switch (e) {
	case LEGACY_MACROMAN:
		return "the file is not UTF-8 and its lines end in a carriage "
		       "return alone, as Excel for Mac's \"CSV\" writes them "
		       "in Mac Roman, so it was read as Mac Roman; save it as "
		       "\"CSV UTF-8\" to be sure every character is kept";
	case LEGACY_CP850:
		return "the file is not UTF-8 and its bytes are those of the "
		       "old DOS code page 850 (what Excel's \"CSV (MS-DOS)\" "
		       "writes: 0x9C for a £ before a number), so it was read "
		       "as code page 850; save it as \"CSV UTF-8\" to be sure "
		       "every character is kept";
	default:
		return "the file is not UTF-8, so it was read as Windows-1252 "
		       "(what Excel's \"CSV (Comma delimited)\" writes); save "
		       "it as \"CSV UTF-8\" to be sure every character is kept";
	}
}
