// The one list of components MDX authors may use. Layouts pass it to <Content components={mdxComponents} />.
import AnatomyViewer from "./viewer/AnatomyViewer.astro";

export const mdxComponents = { AnatomyViewer };
