package org.goguides.site.render;

import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.StringModel;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;

import java.lang.invoke.MethodHandle;

/**
 * A record as templates see it: what FreeMarker's {@code GenericObjectModel} is (a {@link StringModel} that
 * knows when a member is called, as {@code v.asset('site.css')}), so {@code ??}, {@code ?has_content}, method
 * calls and error messages stay as they were; except that a component read as a property ({@code v.title}) goes
 * through its accessor's cached method handle rather than FreeMarker's reflection. ({@code GenericObjectModel}'s
 * {@code get} is final, hence a copy of its one other method here.)
 */
final class RecordModel extends StringModel implements MethodCallAwareTemplateHashModel {
    private final RecordAccessors accessors;

    RecordModel(Object record, BeansWrapper wrapper, RecordAccessors accessors) {
        super(record, wrapper);
        this.accessors = accessors;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
        MethodHandle getter = accessors.getter(key);
        if (getter == null) return super.get(key);
        Object value;
        try {
            value = (Object) getter.invokeExact(object);
        } catch (Throwable e) {
            throw new TemplateModelException("reading " + object.getClass().getSimpleName() + "." + key + " failed: " + e, e);
        }
        return wrap(value);
    }

    /** A member followed by {@code (...)}: the method itself, found by FreeMarker as for any object. */
    @Override
    public TemplateModel getBeforeMethodCall(String key) throws TemplateModelException, ShouldNotBeGetAsMethodException {
        return super.getBeforeMethodCall(key);
    }
}
