-- The columns of APILASTACCESSSUMMARY (the script makes APIVERSION part of its primary key, so NOT NULL), exported
-- before it runs.
SELECT table_name, ordinal_position, column_name, data_type, character_maximum_length, is_nullable, column_default FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'apilastaccesssummary' ORDER BY ordinal_position
