-- runs second
SELECT 2;
SELECT 3;
