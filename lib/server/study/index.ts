import "server-only";
export * from "./queries";
export { buildCategoryTree, flattenTree, type CategoryGroup, type TopicTreeNode, type TreeTopicRow } from "./topic-tree";
export { describeCategory, listCategories, serviceName, type CategoryInfo } from "./taxonomy";
export { fetchStudyStart, type StudyStart } from "./home";
