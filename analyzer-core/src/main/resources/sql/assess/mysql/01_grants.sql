-- P4: the grants of the user the datasource connects as, one statement per row.
SHOW GRANTS FOR CURRENT_USER()
