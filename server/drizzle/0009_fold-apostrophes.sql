-- Search text is stored folded. Documents, meetings and groups were folded without making the
-- apostrophes one, unlike States and the framework; the platform now has one fold (kernel/fold.ts),
-- which turns ’ and ` into ', so "cote d'ivoire" finds "Côte d’Ivoire". Refold what is stored:
-- the old fold followed by this translation is exactly the new fold.
UPDATE documents SET search_text = translate(search_text, '’`', '''''') WHERE search_text ~ '[’`]';
--> statement-breakpoint
UPDATE meetings SET search_text = translate(search_text, '’`', '''''') WHERE search_text ~ '[’`]';
--> statement-breakpoint
UPDATE groups SET search_text = translate(search_text, '’`', '''''') WHERE search_text ~ '[’`]';
