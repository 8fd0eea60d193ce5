-- apim-upgrade sample: last-access rows of the custom sample's APIs. OrdersAPI has no APIVERSION (an event that
-- carried none), which the 3.1.0 key cannot hold; pizzashackapi differs from PizzaShackAPI only in case, so the two
-- collide under the 3.1.0 key wherever the database compares case-insensitively.
INSERT INTO APILASTACCESSSUMMARY VALUES ('/pizzashack/1.0.0', 'PizzaShackAPI', '1.0.0', 'admin', 'carbon.super', 'admin', 1764000000000);
INSERT INTO APILASTACCESSSUMMARY VALUES ('/pizzashack/1.0.0', 'pizzashackapi', '1.0.0', 'admin', 'carbon.super', 'admin', 1764000060000);
INSERT INTO APILASTACCESSSUMMARY VALUES ('/orders/2.1.0', 'OrdersAPI', NULL, 'admin', 'carbon.super', 'partner-app-owner', 1764000120000);
INSERT INTO APILASTACCESSSUMMARY VALUES ('/t/tenant-one.example/inventory/1.0.0', 'InventoryAPI', '1.0.0', 'admin@tenant-one.example', 'tenant-one.example', 'admin@tenant-one.example', 1764000180000);
