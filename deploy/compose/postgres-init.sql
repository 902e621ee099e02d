-- One database per service (each owns its own; none reads another's tables). Run once, by the
-- postgres image on an empty data volume.
CREATE DATABASE mercato_auth;
CREATE DATABASE mercato_user;
CREATE DATABASE mercato_catalog;
CREATE DATABASE mercato_inventory;
CREATE DATABASE mercato_order;
CREATE DATABASE mercato_payment;
CREATE DATABASE mercato_review;
CREATE DATABASE mercato_notification;
