-- runs first
SELECT 1;
