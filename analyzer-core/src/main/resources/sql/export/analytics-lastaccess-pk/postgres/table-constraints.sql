-- The constraints of APILASTACCESSSUMMARY with their columns (the script drops its primary key and adds a wider one),
-- exported before it runs.
SELECT c.table_name, c.constraint_name, c.constraint_type, k.column_name, k.ordinal_position FROM information_schema.table_constraints c LEFT JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name AND k.table_name = c.table_name WHERE c.table_schema = current_schema() AND c.table_name = 'apilastaccesssummary' ORDER BY c.constraint_name, k.ordinal_position
