// Validates Kubernetes manifests against the Kubernetes API's and the Strimzi operator's schemas (kubernetes-models,
// @kubernetes-models/strimzi-kafka-operator): each YAML file named on the command line, every document in it.
// Prints one line per resource, "VALID kind name" or "INVALID kind name: why", and exits 1 if any is invalid or of
// a kind it has no schema for.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const models = {
  "v1/Namespace": () => import("kubernetes-models/v1/Namespace"),
  "v1/Service": () => import("kubernetes-models/v1/Service"),
  "v1/ConfigMap": () => import("kubernetes-models/v1/ConfigMap"),
  "v1/Secret": () => import("kubernetes-models/v1/Secret"),
  "apps/v1/Deployment": () => import("kubernetes-models/apps/v1/Deployment"),
  "policy/v1/PodDisruptionBudget": () => import("kubernetes-models/policy/v1/PodDisruptionBudget"),
  "kafka.strimzi.io/v1/Kafka": () => import("@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1/Kafka"),
  "kafka.strimzi.io/v1/KafkaNodePool": () =>
    import("@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1/KafkaNodePool"),
  "kafka.strimzi.io/v1/KafkaTopic": () =>
    import("@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1/KafkaTopic"),
  "kafka.strimzi.io/v1/KafkaUser": () =>
    import("@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1/KafkaUser"),
};

let failed = false;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      console.log(`INVALID ${file}: ${document.errors.map((e) => e.message).join("; ")}`);
      failed = true;
      continue;
    }
    const resource = document.toJS();
    if (resource == null) continue;
    const key = `${resource.apiVersion}/${resource.kind}`;
    const name = `${resource.kind} ${resource.metadata?.name}`;
    const load = models[key];
    if (!load) {
      console.log(`INVALID ${name}: no schema here for ${key} (${file})`);
      failed = true;
      continue;
    }
    const model = Object.values(await load()).find((value) => typeof value === "function");
    try {
      new model(resource).validate();
      console.log(`VALID ${name}`);
    } catch (error) {
      console.log(`INVALID ${name}: ${error.message} (${file})`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
