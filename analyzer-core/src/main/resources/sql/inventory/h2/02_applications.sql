-- item: applications
-- counts: AM_APPLICATION
-- needs: AM_APPLICATION, AM_SUBSCRIBER
-- Applications by name and subscriber, in the subscriber's tenant.
SELECT S.TENANT_ID, A.NAME, S.USER_ID FROM AM_APPLICATION A JOIN AM_SUBSCRIBER S ON A.SUBSCRIBER_ID = S.SUBSCRIBER_ID
