-- apim-upgrade scenario APIM_ANALYTICS_DB on MariaDB: APILASTACCESSSUMMARY as the 3.0.0 Siddhi app APIM_ACCESS_SUMMARY
-- creates it (no script ships for it: the worker creates it at run time), with the 3.0.0 primary key, and rows that
-- fit the 3.1.0 key (every APIVERSION set, no two rows differing only in case).
CREATE TABLE APILASTACCESSSUMMARY (
    APICONTEXT VARCHAR(254),
    APINAME VARCHAR(254) NOT NULL,
    APIVERSION VARCHAR(254),
    APICREATOR VARCHAR(254) NOT NULL,
    APICREATORTENANTDOMAIN VARCHAR(254) NOT NULL,
    APPLICATIONOWNER VARCHAR(254),
    LASTACCESSTIME BIGINT,
    PRIMARY KEY (APINAME, APICREATOR, APICREATORTENANTDOMAIN)
);
INSERT INTO APILASTACCESSSUMMARY VALUES ('/pizzashack/1.0.0', 'PizzaShackAPI', '1.0.0', 'admin', 'carbon.super', 'admin', 1583835600000);
INSERT INTO APILASTACCESSSUMMARY VALUES ('/orders/2.1.0', 'OrdersAPI', '2.1.0', 'admin', 'carbon.super', 'admin', 1586937600000);
