package org.gongzhi.deploy.kubernetes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;

/**
 * CloudNativePG's {@code Cluster} and {@code Database} (postgresql.cnpg.io/v1) as typed records: no Java model of them
 * is to be had offline here, nor their CRD schema, so these hold the subset of the fields Gongzhi uses, named as in
 * the CRDs (cloudnative-pg.io API reference). Read with unknown properties refused, a field outside this subset fails
 * the check even where the real CRD would take it: add it here, from the API reference, when the manifests need it.
 */
final class CloudNativePg {

    private CloudNativePg() {
    }

    @JsonIgnoreProperties(value = {"apiVersion", "kind"}, allowGetters = false)
    record Cluster(ObjectMeta metadata, ClusterSpec spec) {
    }

    record ClusterSpec(Integer instances, String imageName, Storage storage, ResourceRequirements resources,
                       Bootstrap bootstrap, Managed managed) {
    }

    record Storage(String size, String storageClass) {
    }

    record Bootstrap(InitDb initdb) {
    }

    record InitDb(String database, String owner, LocalObjectReference secret) {
    }

    record LocalObjectReference(String name) {
    }

    record Managed(List<RoleConfiguration> roles) {
    }

    record RoleConfiguration(String name, String ensure, Boolean login, Boolean superuser, Boolean createdb,
                             LocalObjectReference passwordSecret, List<String> inRoles, String comment) {
    }

    @JsonIgnoreProperties(value = {"apiVersion", "kind"}, allowGetters = false)
    record Database(ObjectMeta metadata, DatabaseSpec spec) {
    }

    record DatabaseSpec(LocalObjectReference cluster, String name, String owner, String ensure,
                        String databaseReclaimPolicy) {
    }
}
