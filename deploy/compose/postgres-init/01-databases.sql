-- one database per service, owned by the user the services connect as (POSTGRES_USER)
CREATE DATABASE requests;
CREATE DATABASE alliance;
CREATE DATABASE volunteers;
CREATE DATABASE notifications;
