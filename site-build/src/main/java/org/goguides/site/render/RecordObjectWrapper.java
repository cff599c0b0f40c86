package org.goguides.site.render;

import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;

/**
 * FreeMarker's {@link DefaultObjectWrapper} with record components read as properties ({@code ${v.title}}),
 * whose public records are wrapped in a {@link RecordModel}: a component is read through a cached method
 * handle instead of FreeMarker's reflective bean path (about a hundred nanoseconds a read when the JVM runs
 * C1 only). Every other value, and every other member of a record, is wrapped and read exactly as by the
 * default wrapper. Any public record, not only the view package's: a component is public read-only data, so
 * reading it by its accessor is what FreeMarker does anyway, and a record not public is left to FreeMarker as before.
 */
final class RecordObjectWrapper extends DefaultObjectWrapper {

    RecordObjectWrapper(Version version) {
        super(configuration(version), true);
    }

    private static DefaultObjectWrapperBuilder configuration(Version version) {
        DefaultObjectWrapperBuilder b = new DefaultObjectWrapperBuilder(version);
        // view records are read as ${v.title}; RecordAccessors relies on this policy
        b.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        return b;
    }

    /** Called for what is no string, number, date, boolean, array, collection or map: a record among others. */
    @Override
    protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
        RecordAccessors accessors = RecordAccessors.of(obj.getClass());
        return accessors == null ? super.handleUnknownType(obj) : new RecordModel(obj, this, accessors);
    }
}
