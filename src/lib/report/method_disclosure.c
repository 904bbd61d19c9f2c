#include "method_disclosure.h"

void method_disclosure(struct buf *b, const struct settings *s)
{
	buf_addf(b, "No published figure is about fewer than %ld "
		 "associations, and no count of people below %g can be read "
		 "or worked out from what is published. For every question: "
		 "where fewer than %ld associations answered, only how many "
		 "answered is published; the smallest and largest answers are "
		 "never published, since each is one association's own "
		 "figure; the median and quartiles are published only where "
		 "at least %ld answered. ",
		 s->min_orgs, s->small_below, s->min_orgs,
		 s->quartiles_min_orgs);
	buf_addf(b, "For counts of people (residents or staff): a total "
		 "above 0 and below %g withholds every figure of its line but "
		 "how many answered, the average with it; otherwise a median "
		 "or quartile above 0 and below %g is withheld, and so is a "
		 "rate resting on a count of people above 0 and below %g. ",
		 s->small_below, s->small_below, s->small_below);
	buf_addf(b, "When one peer group's total (or rate) is withheld and "
		 "the sector's is published, the peer group with the fewest "
		 "associations answering (the first by name on a tie) is "
		 "withheld too, all but how many answered, so "
		 "that the withheld total cannot be found by subtracting the "
		 "others from the sector's; and so on while what is withheld "
		 "together, with any associations in no peer group, is about "
		 "fewer than %ld associations or is a count of people below "
		 "%g. A line that lost a figure by these rules shows [c] in "
		 "its place.", s->min_orgs, s->small_below);
}
